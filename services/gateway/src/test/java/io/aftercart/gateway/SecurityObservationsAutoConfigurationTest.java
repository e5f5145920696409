package io.aftercart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.config.observation.SecurityObservationSettings;

class SecurityObservationsAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityObservationsAutoConfiguration.class));

    @Test
    void switchedOffObservationsTakeTheFilterWrappingAwayToo() {
        context.withPropertyValues("management.observations.enable.spring.security=false").run(started -> {
            SecurityObservationSettings settings = started.getBean(SecurityObservationSettings.class);
            assertThat(settings.shouldObserveRequests()).isFalse();
            assertThat(settings.shouldObserveAuthentications()).isFalse();
            assertThat(settings.shouldObserveAuthorizations()).isFalse();
        });
    }

    @Test
    void observationsSwitchedOnOrLeftAloneKeepSpringSecuritysDefaults() {
        context.withPropertyValues("management.observations.enable.spring.security=true")
                .run(started -> assertThat(started).doesNotHaveBean(SecurityObservationSettings.class));
        context.run(started -> assertThat(started).doesNotHaveBean(SecurityObservationSettings.class));
    }
}
