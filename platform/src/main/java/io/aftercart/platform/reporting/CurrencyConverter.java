package io.aftercart.platform.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/** Converts amounts into the reporting currency with configured rates. */
public final class CurrencyConverter {

    private static final int SCALE = 6;
    private final String reportingCurrency;
    private final Map<String, BigDecimal> rates;

    public CurrencyConverter(String reportingCurrency, Map<String, BigDecimal> rates) {
        this.reportingCurrency = reportingCurrency;
        this.rates = Map.copyOf(rates);
    }

    public static CurrencyConverter of(ReportingProperties properties) {
        return new CurrencyConverter(properties.currency(), properties.rates());
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }

    /**
     * The amount in the reporting currency; empty when there is no rate for {@code currency}. An amount without a
     * currency is taken to be in the reporting currency already.
     */
    public Optional<BigDecimal> toReporting(BigDecimal amount, String currency) {
        if (currency == null || currency.equals(reportingCurrency)) {
            return Optional.of(amount);
        }
        BigDecimal rate = rates.get(currency);
        return rate == null ? Optional.empty()
                : Optional.of(amount.multiply(rate).setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    /** Why an amount in {@code currency} cannot be reported; for rejections. */
    public String missingRateReason(String currency) {
        return "No exchange rate from " + currency + " to the reporting currency " + reportingCurrency
                + "; set aftercart.reporting.rates." + currency;
    }
}
