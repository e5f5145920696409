package io.aftercart.analytics.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Orders and revenue per period; every amount in the reporting currency, to the cent. */
public record OrdersReport(Granularity granularity, LocalDate from, LocalDate to, String currency,
        List<Period> periods, KpiExclusions excluded) {

    /**
     * @param start              the period's first day
     * @param orders             Order Completed events
     * @param grossRevenue       the sum of their totals
     * @param refunded           the sum of Order Refunded totals in the period (when the refunds happened)
     * @param netRevenue         net revenue of the orders placed in the period: per order its total minus the larger
     *                           of its refunds and its cancelled plus returned value, whenever those happened
     *                           ({@link io.aftercart.platform.reporting.OrderMoney}); money back for an order not seen
     *                           counts in the period of its earliest event
     * @param averageOrderValue  netRevenue / the period's orders not cancelled in full (null without any)
     * @param customers          customers with an order in the period
     * @param newCustomers       of those, the ones whose first order ever is in this period
     * @param returningCustomers the others (first order in an earlier period)
     * @param cancellations      Order Cancelled events in the period
     * @param cancelledValue     the sum of their totals
     */
    public record Period(LocalDate start, long orders, BigDecimal grossRevenue, BigDecimal refunded,
            BigDecimal netRevenue, BigDecimal averageOrderValue, long customers, long newCustomers,
            long returningCustomers, long cancellations, BigDecimal cancelledValue) {
    }
}
