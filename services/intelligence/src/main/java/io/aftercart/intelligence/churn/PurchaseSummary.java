package io.aftercart.intelligence.churn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the churn and lifetime-value models know of a customer: his purchase days (orders of the same day merged
 * into one purchase), net of cancellations, refunds and returns as {@link io.aftercart.platform.reporting.OrderMoney}
 * defines it, in the reporting currency.
 *
 * @param customerId    the customer (or anonymous) id the orders were keyed by
 * @param purchaseDays  days with at least one order that was not cancelled; the first is the customer's birth
 * @param firstPurchase the first purchase day
 * @param lastPurchase  the last purchase day
 * @param repeatSpend   net value of the purchases after the first day (may be zero or negative after refunds)
 * @param totalSpend    net value of all purchases, the customer's past value
 * @param currency      the currency of the amounts: the reporting currency they were converted into
 */
public record PurchaseSummary(String customerId, int purchaseDays, LocalDate firstPurchase, LocalDate lastPurchase,
        BigDecimal repeatSpend, BigDecimal totalSpend, String currency) {

    /** x: purchase days after the first. */
    public int repeatPurchases() {
        return purchaseDays - 1;
    }

    /** tx: time from the first to the last purchase, in units of {@code daysPerUnit} days. */
    public double recency(double daysPerUnit) {
        return ChronoUnit.DAYS.between(firstPurchase, lastPurchase) / daysPerUnit;
    }

    /** T: time from the first purchase to the end of {@code asOf}, never less than the recency. */
    public double age(LocalDate asOf, double daysPerUnit) {
        long recency = ChronoUnit.DAYS.between(firstPurchase, lastPurchase);
        return Math.max(ChronoUnit.DAYS.between(firstPurchase, asOf), recency) / daysPerUnit;
    }

    /** zbar: mean net value of the repeat purchase days, 0 without any. */
    public double meanRepeatSpend() {
        int x = repeatPurchases();
        return x == 0 ? 0 : repeatSpend.divide(BigDecimal.valueOf(x), 6, RoundingMode.HALF_EVEN).doubleValue();
    }
}
