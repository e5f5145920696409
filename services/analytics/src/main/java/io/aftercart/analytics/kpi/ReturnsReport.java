package io.aftercart.analytics.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Returns against sales. Items returned are the lines of Product Returned events, items sold those of Order Completed
 * events, both counted in the period the event happened; value = quantity &times; unit price in the reporting
 * currency. Order cancellations are not returns: they are reported apart, as are refunds (Order Refunded).
 *
 * @param by         what {@link #rows()} are per: {@code period}, {@code product} or {@code category}; per product
 *                   and per category the range is widened to whole months (those rollups are kept per month)
 * @param rows       per period in time order, or per product / category by returned value, largest first
 * @param total      the whole range
 * @param topReasons return reason codes by number of returns, largest first
 */
public record ReturnsReport(String by, Granularity granularity, LocalDate from, LocalDate to, String currency,
        List<Row> rows, Row total, Money cancellations, Money refunds, List<Reason> topReasons,
        KpiExclusions excluded) {

    /**
     * @param key            the period's first day, the product id or the category ({@code total} for the total)
     * @param category       the product's category, for rows per product (null when the events gave none)
     * @param unitReturnRate itemsReturned / itemsSold, to four decimals (null when nothing was sold)
     * @param valueReturnRate itemsReturnedValue / itemsSoldValue, to four decimals (null when nothing was sold)
     */
    public record Row(String key, String category, long itemsSold, BigDecimal itemsSoldValue,
            long itemsReturned, BigDecimal itemsReturnedValue, BigDecimal unitReturnRate,
            BigDecimal valueReturnRate) {
    }

    public record Money(long events, BigDecimal value) {
    }

    /** @param reasonCode the Product Returned reason_code, {@code unspecified} when absent */
    public record Reason(String reasonCode, long returns, long items) {
    }
}
