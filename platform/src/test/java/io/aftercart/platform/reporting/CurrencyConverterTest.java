package io.aftercart.platform.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrencyConverterTest {

    private final CurrencyConverter converter = new CurrencyConverter("GBP", Map.of("USD", new BigDecimal("0.79")));

    @Test
    void convertsWithTheConfiguredRate() {
        assertThat(converter.toReporting(new BigDecimal("100"), "USD")).contains(new BigDecimal("79.000000"));
    }

    @Test
    void keepsReportingCurrencyAndUnlabelledAmounts() {
        assertThat(converter.toReporting(new BigDecimal("12.5"), "GBP")).contains(new BigDecimal("12.5"));
        assertThat(converter.toReporting(new BigDecimal("12.5"), null)).contains(new BigDecimal("12.5"));
    }

    @Test
    void refusesACurrencyWithoutRate() {
        assertThat(converter.toReporting(BigDecimal.ONE, "JPY")).isEmpty();
        assertThat(converter.missingRateReason("JPY")).contains("JPY", "GBP", "aftercart.reporting.rates.JPY");
    }
}
