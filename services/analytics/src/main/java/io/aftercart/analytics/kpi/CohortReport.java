package io.aftercart.analytics.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Acquisition cohorts: the customers whose first order falls in the range, grouped by the period of that first
 * order, and what they did in each period since (period 0 = the period of the first order), up to the period of the
 * last order before the range's end, counted for that whole period. Every period is listed, also those in which
 * nobody of the cohort ordered.
 *
 * @param metric   which retention {@link Period#retention()} gives: {@code customers} = share of the cohort with an
 *                 order in the period; {@code revenue} = the period's gross revenue / the cohort's period-0 revenue
 * @param currency the reporting currency of every amount
 */
public record CohortReport(Granularity granularity, String metric, LocalDate from, LocalDate to, String currency,
        List<Cohort> cohorts, KpiExclusions excluded) {

    /**
     * @param start     the first day of the acquisition period
     * @param customers the cohort's size
     * @param revenue   its gross revenue in period 0
     */
    public record Cohort(LocalDate start, long customers, BigDecimal revenue, List<Period> periods) {
    }

    /**
     * @param period    periods since the first order
     * @param customers cohort members with at least one order in the period
     * @param revenue   their gross revenue in the period
     * @param retention by the report's metric, to four decimals; null when the cohort had no period-0 revenue
     */
    public record Period(int period, long customers, BigDecimal revenue, BigDecimal retention) {
    }
}
