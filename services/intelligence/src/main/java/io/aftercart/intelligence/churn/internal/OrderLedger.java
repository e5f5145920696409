package io.aftercart.intelligence.churn.internal;

import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.reporting.OrderMoney;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a customer's order facts, in any order of arrival, into purchases with net values in the reporting currency.
 *
 * <ul>
 *   <li>An order counts once its {@code Order Completed} is known (its earliest, if sent twice) and its total can be
 *       converted into the reporting currency; refunds, returns and cancellations of orders not seen are left out,
 *       as the models know purchases only.</li>
 *   <li>Its net value is {@link OrderMoney#net()}, the definition profiles and KPIs share: the total minus the larger
 *       of the refunds and the cancelled plus returned value, as a return or cancellation is usually followed by the
 *       refund of the same money, and either may be missing. A cancellation without amount cancels the total.</li>
 *   <li>An order whose cancellations add up to its total was never a purchase: it does not count as a purchase day
 *       for the purchase-frequency model. Its net is zero unless refunds exceeded the total, so leaving it out
 *       changes the customer's value only in that case.</li>
 *   <li>An amount in a currency without a rate is left out, never summed as if it were in the reporting currency.</li>
 *   <li>The net value may end up zero or negative; the models cope with that.</li>
 * </ul>
 */
public final class OrderLedger {

    private final CurrencyConverter converter;

    public OrderLedger(CurrencyConverter converter) {
        this.converter = converter;
    }

    public List<Purchase> purchases(List<OrderFact> facts) {
        Map<String, List<OrderFact>> byOrder = new LinkedHashMap<>();
        facts.forEach(f -> byOrder.computeIfAbsent(f.orderId(), k -> new ArrayList<>()).add(f));
        List<Purchase> purchases = new ArrayList<>();
        byOrder.values().forEach(orderFacts -> purchase(orderFacts).ifPresent(purchases::add));
        return purchases;
    }

    private Optional<Purchase> purchase(List<OrderFact> orderFacts) {
        Optional<OrderFact> completed = orderFacts.stream().filter(f -> f.kind() == OrderFact.Kind.COMPLETED)
                .min(Comparator.comparing(OrderFact::day).thenComparing(OrderFact::eventId));
        Optional<BigDecimal> total = completed.flatMap(f -> converter.toReporting(f.amount(), f.currency()));
        if (total.isEmpty()) {
            return Optional.empty();
        }
        OrderMoney money = OrderMoney.NONE.withTotal(total.get());
        boolean anyCancellation = false;
        boolean cancelledWhole = false;
        BigDecimal cancelled = BigDecimal.ZERO;
        for (OrderFact f : orderFacts) {
            switch (f.kind()) {
                case CANCELLED -> {
                    anyCancellation = true;
                    if (f.amount() == null) {
                        cancelledWhole = true;
                    } else {
                        cancelled = cancelled.add(reported(f));
                    }
                }
                case REFUNDED -> money = money.plusRefund(reported(f));
                case RETURNED -> money = money.plusReturned(reported(f));
                case COMPLETED -> { }
            }
        }
        money = money.plusCancelled(cancelledWhole ? total.get() : cancelled);
        if (anyCancellation && money.cancelled().compareTo(money.total()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Purchase(completed.get().day(), money.net(), converter.reportingCurrency()));
    }

    /** The fact's amount in the reporting currency; zero (left out) without a rate. */
    private BigDecimal reported(OrderFact fact) {
        return converter.toReporting(fact.amount(), fact.currency()).orElse(BigDecimal.ZERO);
    }
}
