package io.aftercart.gateway.web;

import io.aftercart.gateway.Role;
import io.aftercart.gateway.internal.PipelineHealth;
import io.aftercart.platform.web.ServiceUnavailableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pipeline health for the dashboard; rejection details (which may quote input) only for analysts and above. */
@RestController
public class PipelineController {

    private final PipelineHealth health;

    public PipelineController(PipelineHealth health) {
        this.health = health;
    }

    @GetMapping("/api/v1/pipeline/health")
    public PipelineHealth.Report health(Authentication caller) {
        try {
            return health.report(Roles.has(caller, Role.ANALYST));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while reading Kafka", 5, e);
        } catch (Exception e) {
            throw new ServiceUnavailableException("Kafka did not answer in time", 5, e);
        }
    }
}
