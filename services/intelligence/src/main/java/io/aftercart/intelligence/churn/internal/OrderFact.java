package io.aftercart.intelligence.churn.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.events.OrderCancelled;
import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.OrderRefunded;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ProductReturned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one order event contributes to a customer's purchases.
 *
 * @param eventId    the event's id (facts are stored once per id)
 * @param customerId the customer (or anonymous) id the event is keyed by
 * @param orderId    the order it belongs to
 * @param kind       the kind of event
 * @param day        the order's day in UTC (completions only)
 * @param amount     the order value, or the amount taken back (the total, else the value of the lines); null for a
 *                   cancellation without either (all of it)
 * @param currency   its currency, or null (the reporting currency)
 */
public record OrderFact(String eventId, String customerId, String orderId, Kind kind, LocalDate day, BigDecimal amount,
        String currency) {

    public enum Kind { COMPLETED, CANCELLED, REFUNDED, RETURNED }

    /** The types of the events that carry a fact (those {@link #of} reads); any other gives none. */
    public static final Set<String> TYPES = Set.of(EventType.ORDER_COMPLETED.wireName(),
            EventType.ORDER_CANCELLED.wireName(), EventType.ORDER_REFUNDED.wireName(),
            EventType.PRODUCT_RETURNED.wireName());

    /** The fact an event carries, if it is an order event with an order id and a customer. */
    public static Optional<OrderFact> of(CanonicalEvent event) {
        String customer = event.partitionKey();
        if (customer == null || event.properties() == null || event.time() == null) {
            return Optional.empty();
        }
        return switch (event.type()) {
            case "Order Completed" -> {
                OrderCompleted order = event.propertiesAs(OrderCompleted.class);
                BigDecimal value = order.total() != null ? order.total()
                        : order.revenue() != null ? order.revenue() : stated(null, order.products());
                yield value == null ? Optional.empty() : fact(event, order.orderId(), Kind.COMPLETED,
                        event.time().atOffset(ZoneOffset.UTC).toLocalDate(), value, order.currency());
            }
            case "Order Cancelled" -> {
                OrderCancelled cancel = event.propertiesAs(OrderCancelled.class);
                yield fact(event, cancel.orderId(), Kind.CANCELLED, null, stated(cancel.total(), cancel.products()),
                        cancel.currency());
            }
            case "Order Refunded" -> {
                OrderRefunded refund = event.propertiesAs(OrderRefunded.class);
                BigDecimal value = stated(refund.total(), refund.products());
                yield value == null ? Optional.empty()
                        : fact(event, refund.orderId(), Kind.REFUNDED, null, value, refund.currency());
            }
            case "Product Returned" -> {
                ProductReturned returned = event.propertiesAs(ProductReturned.class);
                BigDecimal value = returned.total() != null ? returned.total() : valueOf(returned.products());
                yield fact(event, returned.orderId(), Kind.RETURNED, null, value, returned.currency());
            }
            default -> Optional.empty();
        };
    }

    private static Optional<OrderFact> fact(CanonicalEvent event, String orderId, Kind kind, LocalDate day,
            BigDecimal amount, String currency) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new OrderFact(event.id(), event.partitionKey(), orderId, kind, day, amount, currency));
    }

    /** The total, else the value of the lines, else null (for a cancellation: all of the order). */
    private static BigDecimal stated(BigDecimal total, List<Product> products) {
        return total != null ? total : products == null || products.isEmpty() ? null : valueOf(products);
    }

    private static BigDecimal valueOf(List<Product> products) {
        BigDecimal sum = BigDecimal.ZERO;
        if (products != null) {
            for (Product p : products) {
                if (p.price() != null) {
                    sum = sum.add(p.price().multiply(BigDecimal.valueOf(p.quantity() == null ? 1 : p.quantity())));
                }
            }
        }
        return sum;
    }
}
