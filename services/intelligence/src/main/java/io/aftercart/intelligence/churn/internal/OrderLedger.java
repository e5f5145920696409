package io.aftercart.intelligence.churn.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a customer's order facts, in any order of arrival, into purchases with net values.
 *
 * <ul>
 *   <li>An order counts once its {@code Order Completed} is known (its earliest, if sent twice).</li>
 *   <li>A cancellation without amount, or cancellations adding up to the order value, remove the order: it was
 *       never a purchase. Smaller cancellations reduce its value.</li>
 *   <li>Refunds and returns reduce its value by the larger of the two sums, because a return is usually followed
 *       by the refund of the same money, and either may be missing.</li>
 *   <li>The net value may end up zero or negative; the models cope with that.</li>
 * </ul>
 */
public final class OrderLedger {

    private OrderLedger() {
    }

    public static List<Purchase> purchases(List<OrderFact> facts) {
        Map<String, List<OrderFact>> byOrder = new LinkedHashMap<>();
        facts.forEach(f -> byOrder.computeIfAbsent(f.orderId(), k -> new ArrayList<>()).add(f));
        List<Purchase> purchases = new ArrayList<>();
        byOrder.values().forEach(orderFacts -> {
            OrderFact completed = orderFacts.stream().filter(f -> f.kind() == OrderFact.Kind.COMPLETED)
                    .min(Comparator.comparing(OrderFact::day).thenComparing(OrderFact::eventId)).orElse(null);
            if (completed == null) {
                return;
            }
            boolean anyCancellation = false;
            BigDecimal cancelled = BigDecimal.ZERO;
            BigDecimal refunded = BigDecimal.ZERO;
            BigDecimal returned = BigDecimal.ZERO;
            for (OrderFact f : orderFacts) {
                switch (f.kind()) {
                    case CANCELLED -> {
                        if (f.amount() == null) {
                            return;
                        }
                        anyCancellation = true;
                        cancelled = cancelled.add(f.amount());
                    }
                    case REFUNDED -> refunded = refunded.add(f.amount());
                    case RETURNED -> returned = returned.add(f.amount());
                    case COMPLETED -> { }
                }
            }
            if (anyCancellation && cancelled.compareTo(completed.amount()) >= 0) {
                return;
            }
            BigDecimal net = completed.amount().subtract(cancelled).subtract(refunded.max(returned));
            purchases.add(new Purchase(completed.day(), net, completed.currency()));
        });
        return purchases;
    }
}
