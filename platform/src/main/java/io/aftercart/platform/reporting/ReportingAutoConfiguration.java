package io.aftercart.platform.reporting;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@EnableConfigurationProperties(ReportingProperties.class)
public class ReportingAutoConfiguration {

    @Bean
    CurrencyConverter currencyConverter(ReportingProperties properties) {
        return CurrencyConverter.of(properties);
    }
}
