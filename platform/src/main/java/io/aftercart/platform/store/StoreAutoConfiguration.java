package io.aftercart.platform.store;

import io.aftercart.platform.config.AftercartProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties({StoreProperties.class, AftercartProperties.class})
public class StoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    ServiceStores serviceStores(StoreProperties store, AftercartProperties aftercart) {
        return new ServiceStores(store, aftercart.dataDir());
    }

    @Bean
    StoresHealthIndicator storesHealthIndicator(ServiceStores stores) {
        return new StoresHealthIndicator(stores);
    }

    @Bean
    DuckDbMemoryMetrics duckDbMemoryMetrics(ServiceStores stores) {
        return new DuckDbMemoryMetrics(stores);
    }
}
