package io.aftercart.app;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one launcher. Without arguments it runs every service in this JVM on an embedded Kafka broker and embedded
 * DuckDB files (the all-in-one); {@code --services=collector,analytics} runs only those (distributed mode, with
 * {@code AFTERCART_KAFKA_BOOTSTRAP_SERVERS} and {@code AFTERCART_STORE_URL} pointing at the shared cluster and
 * database); {@code --demo} also starts the demo shop.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AftercartApplication {

    /**
     * Defaults below every other source of configuration. Spring Security times each of its filters as an
     * observation when Micrometer is present; on the intake paths that cost about a tenth of a request's CPU, for
     * metrics nobody reads (the {@code http.server.requests} metrics stay), so they are off, filter wrapping included
     * (the gateway's {@code SecurityObservationsAutoConfiguration}); set
     * {@code management.observations.enable.spring.security=true} to get them back.
     */
    static final Map<String, Object> DEFAULT_PROPERTIES =
            Map.of("management.observations.enable.spring.security", false);

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AftercartApplication.class);
        application.setDefaultProperties(DEFAULT_PROPERTIES);
        application.run(launcherArguments(args));
    }

    /** Maps the launcher's short options onto configuration properties; other arguments pass through. */
    static String[] launcherArguments(String[] args) {
        return Arrays.stream(args).map(arg -> {
            if (arg.equals("--demo")) {
                return "--aftercart.demo.enabled=true";
            }
            if (arg.startsWith("--services=")) {
                return "--aftercart.services=" + arg.substring("--services=".length());
            }
            return arg;
        }).toArray(String[]::new);
    }
}
