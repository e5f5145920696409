package io.aftercart.platform.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every service in a process.
 *
 * @param dataDir  where embedded components keep their files (Kafka log, DuckDB files); env {@code AFTERCART_DATA_DIR}
 * @param services which services this process runs; empty means all of them (the all-in-one); env
 *                 {@code AFTERCART_SERVICES}, or the launcher's {@code --services=collector,analytics}
 */
@ConfigurationProperties("aftercart")
public record AftercartProperties(@DefaultValue("./data") Path dataDir, @DefaultValue List<String> services) {

    public boolean runs(String service) {
        return services.isEmpty() || services.contains("all") || services.contains(service);
    }
}
