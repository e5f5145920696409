package io.aftercart.platform.reporting;

import java.math.BigDecimal;

/**
 * What one order brought in, after what went back to the customer — the one definition of net revenue that
 * profiles, KPIs and lifetime-value models share, so their figures add up to the same totals.
 *
 * <p>Shops often report the same money twice: a cancellation or a return, and the refund that settles it. So the
 * money back is the larger of the refunds and the cancelled plus returned value, never their sum. All amounts are in
 * the reporting currency and non-negative; a cancellation without an amount is the whole order's total.
 *
 * @param total     the order's latest stated total
 * @param refunded  the sum of its refunds
 * @param cancelled the value cancelled
 * @param returned  the value of the products returned
 */
public record OrderMoney(BigDecimal total, BigDecimal refunded, BigDecimal cancelled, BigDecimal returned) {

    public static final OrderMoney NONE = new OrderMoney(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO);

    public BigDecimal moneyBack() {
        return refunded.max(cancelled.add(returned));
    }

    /** May be negative: a refund can exceed the order, e.g. with a goodwill gesture. */
    public BigDecimal net() {
        return total.subtract(moneyBack());
    }

    public OrderMoney withTotal(BigDecimal value) {
        return new OrderMoney(value, refunded, cancelled, returned);
    }

    public OrderMoney plusRefund(BigDecimal value) {
        return new OrderMoney(total, refunded.add(value), cancelled, returned);
    }

    public OrderMoney plusCancelled(BigDecimal value) {
        return new OrderMoney(total, refunded, cancelled.add(value), returned);
    }

    public OrderMoney plusReturned(BigDecimal value) {
        return new OrderMoney(total, refunded, cancelled, returned.add(value));
    }
}
