package io.aftercart.intelligence.churn;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the churn and lifetime-value predictions ({@code aftercart.intelligence.churn.*}, environment
 * {@code AFTERCART_INTELLIGENCE_CHURN_*}), part of {@link io.aftercart.intelligence.IntelligenceProperties}.
 *
 * @param refitInterval         time between scheduled refits ({@code ..._REFIT_INTERVAL}); 0 turns the schedule off
 * @param refitInitialDelay     first scheduled refit after start-up ({@code ..._REFIT_INITIAL_DELAY})
 * @param horizonDays           horizon of the expected purchases ({@code ..._HORIZON_DAYS})
 * @param clvHorizonDays        horizon of the lifetime value ({@code ..._CLV_HORIZON_DAYS})
 * @param clvPeriods            discounting periods within the CLV horizon ({@code ..._CLV_PERIODS}; 12 = monthly)
 * @param annualDiscountRate    discount rate per year ({@code ..._ANNUAL_DISCOUNT_RATE})
 * @param clvIntervalLevel      coverage of the CLV interval ({@code ..._CLV_INTERVAL_LEVEL})
 * @param clvIntervalSamples    posterior draws behind each CLV interval ({@code ..._CLV_INTERVAL_SAMPLES})
 * @param minCustomers          fewest customers to fit the models ({@code ..._MIN_CUSTOMERS})
 * @param minRepeatCustomers    fewest repeat customers to fit them ({@code ..._MIN_REPEAT_CUSTOMERS})
 * @param atRiskValuePercentile past-value percentile from which a customer is valuable
 *                              ({@code ..._AT_RISK_VALUE_PERCENTILE})
 * @param atRiskPAlive          P(alive) below which a valuable customer is at risk ({@code ..._AT_RISK_P_ALIVE})
 * @param consumerConcurrency   consumers of {@code aftercart.events} ({@code ..._CONSUMER_CONCURRENCY}); 1 suits DuckDB
 */
public record ChurnProperties(
        @DefaultValue("P1D") Duration refitInterval,
        @DefaultValue("PT1M") Duration refitInitialDelay,
        @DefaultValue("90") int horizonDays,
        @DefaultValue("365") int clvHorizonDays,
        @DefaultValue("12") int clvPeriods,
        @DefaultValue("0.1") double annualDiscountRate,
        @DefaultValue("0.9") double clvIntervalLevel,
        @DefaultValue("200") int clvIntervalSamples,
        @DefaultValue("50") int minCustomers,
        @DefaultValue("10") int minRepeatCustomers,
        @DefaultValue("80") double atRiskValuePercentile,
        @DefaultValue("0.5") double atRiskPAlive,
        @DefaultValue("1") int consumerConcurrency) {
}
