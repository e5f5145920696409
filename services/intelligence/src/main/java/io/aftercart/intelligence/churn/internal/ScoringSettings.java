package io.aftercart.intelligence.churn.internal;

/**
 * How scores are computed; time in days.
 *
 * @param horizonDays        horizon of the expected purchases
 * @param clvHorizonDays     horizon of the lifetime value
 * @param clvPeriods         the CLV horizon is split into this many equal periods, each discounted as a whole
 * @param annualDiscountRate discount rate per year (0.1 = 10 %)
 * @param intervalLevel      coverage of the CLV interval (0.9 = from the 5th to the 95th percentile)
 * @param intervalSamples    posterior draws per distinct purchase history for the CLV interval
 * @param seed               seed of those draws, so a model version always gives the same intervals
 */
public record ScoringSettings(int horizonDays, int clvHorizonDays, int clvPeriods, double annualDiscountRate,
        double intervalLevel, int intervalSamples, long seed) {

    public ScoringSettings {
        if (horizonDays < 1 || clvHorizonDays < 1 || clvPeriods < 1 || annualDiscountRate < 0
                || !(intervalLevel > 0 && intervalLevel < 1) || intervalSamples < 10) {
            throw new IllegalArgumentException("invalid scoring settings");
        }
    }

    double periodDays() {
        return (double) clvHorizonDays / clvPeriods;
    }

    /** The discount factor of one period. */
    double periodDiscount() {
        return Math.pow(1 + annualDiscountRate, -periodDays() / 365.0);
    }
}
