package io.aftercart.app;

import java.util.Arrays;
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

    public static void main(String[] args) {
        SpringApplication.run(AftercartApplication.class, launcherArguments(args));
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
