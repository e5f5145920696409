package io.aftercart.gateway;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * With {@code management.observations.enable.spring.security=false} (the launcher's default) Spring Security's
 * observations are no-ops, yet its filter chains still wrap every filter of every request to start them. These
 * settings take the wrapping away as well: on an ingest request it cost about a tenth of the security chain's CPU.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
public class SecurityObservationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
