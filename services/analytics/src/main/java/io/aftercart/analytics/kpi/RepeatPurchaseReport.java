package io.aftercart.analytics.kpi;

import java.time.LocalDate;
import java.math.BigDecimal;

/**
 * Repeat purchase of the customers acquired in the range.
 *
 * @param customers         customers whose first order ever falls in the range
 * @param repeatCustomers   of those, the ones whose second order falls before the range's end
 * @param repeatRate        repeatCustomers / customers, to four decimals (null without customers)
 * @param daysToSecondOrder for customers whose first order ever falls in the range and whose second order falls
 *                          before its end: days between the two (0 when both were on the same day)
 */
public record RepeatPurchaseReport(LocalDate from, LocalDate to, long customers, long repeatCustomers,
        BigDecimal repeatRate, DaysToSecondOrder daysToSecondOrder, KpiExclusions excluded) {

    /** Percentiles by linear interpolation; null without customers. */
    public record DaysToSecondOrder(long customers, Double p25, Double median, Double p75) {
    }
}
