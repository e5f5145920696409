package io.aftercart.gateway.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults the gateway module brings along, below every other source. Spring Cloud Gateway's form filter is off: it
 * parses form and multipart bodies of every request in the process, ingest included, and answers a body it cannot
 * parse outside the services' problem handling; the public APIs take JSON, so no route needs it.
 */
public class GatewayDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("aftercartGatewayDefaults",
                Map.of("spring.cloud.gateway.server.webmvc.form-filter.enabled", "false")));
    }
}
