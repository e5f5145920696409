package io.aftercart.intelligence;

import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The intelligence service's own store, shared by its parts (churn and lifetime value, sentiment,
 * recommendations); each part has its own auto-configuration that runs after this one.
 */
@AutoConfiguration
@ConditionalOnService(IntelligenceAutoConfiguration.SERVICE)
@EnableConfigurationProperties(IntelligenceProperties.class)
public class IntelligenceAutoConfiguration {

    public static final String SERVICE = "intelligence";

    @Bean
    ServiceStore intelligenceStore(ServiceStores stores) {
        return stores.open(SERVICE);
    }
}
