package io.aftercart.platform.reporting;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How money and calendar periods are reported, the same for every service.
 *
 * @param currency the reporting currency, ISO 4217 ({@code AFTERCART_REPORTING_CURRENCY})
 * @param timeZone the zone in which days, weeks and months start ({@code AFTERCART_REPORTING_TIME_ZONE})
 * @param rates    units of the reporting currency per unit of another currency, e.g.
 *                 {@code aftercart.reporting.rates.USD=0.79} ({@code AFTERCART_REPORTING_RATES_USD}); an amount in a
 *                 currency without a rate is rejected, never summed as if it were the reporting currency
 */
@ConfigurationProperties("aftercart.reporting")
public record ReportingProperties(
        @DefaultValue("GBP") String currency,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue Map<String, BigDecimal> rates) {
}
