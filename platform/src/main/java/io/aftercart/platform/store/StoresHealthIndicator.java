package io.aftercart.platform.store;

import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN while any open store fails a trivial query, naming it: the process then takes events in but cannot store what
 * it derives from them, and an orchestrator that watches {@code /actuator/health} restarts it (its consumers resume
 * from their committed offsets, so nothing is lost).
 */
class StoresHealthIndicator extends AbstractHealthIndicator {

    private final ServiceStores stores;

    StoresHealthIndicator(ServiceStores stores) {
        super("Cannot check the stores");
        this.stores = stores;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> failing = stores.failing();
        (failing.isEmpty() ? builder.up() : builder.down()).withDetails(failing);
    }
}
