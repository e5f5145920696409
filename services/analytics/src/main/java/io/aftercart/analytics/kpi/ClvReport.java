package io.aftercart.analytics.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Historical customer lifetime value: per acquisition cohort (as in {@link CohortReport}), the cumulative gross
 * revenue per cohort member by age (periods since the first order, 0 = the period of the first order).
 */
public record ClvReport(Granularity granularity, LocalDate from, LocalDate to, String currency, List<Cohort> cohorts,
        KpiExclusions excluded) {

    public record Cohort(LocalDate start, long customers, List<Age> ages) {
    }

    /**
     * @param age                  periods since the first order
     * @param cumulativeRevenue    the cohort's gross revenue in periods 0..age
     * @param revenuePerCustomer   that divided by the cohort's size, to the cent
     */
    public record Age(int age, BigDecimal cumulativeRevenue, BigDecimal revenuePerCustomer) {
    }
}
