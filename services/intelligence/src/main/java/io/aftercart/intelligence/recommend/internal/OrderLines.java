package io.aftercart.intelligence.recommend.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ProductReturned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * The order lines of an event: {@code Order Completed} lines are purchases, {@code Product Returned} lines returns.
 * Events of other types, of anonymous visitors, or whose properties do not read as their type give none. A product is
 * identified by {@code product_id}, else by {@code sku}; lines without either, or with a quantity below 1, are left
 * out (a missing quantity counts as 1).
 */
public final class OrderLines {

    /** The types of the events that carry order lines (those {@link #of} reads); any other gives none. */
    public static final Set<String> TYPES = Set.of(EventType.ORDER_COMPLETED.wireName(),
            EventType.PRODUCT_RETURNED.wireName());

    private OrderLines() {
    }

    public static List<OrderLine> of(CanonicalEvent event) {
        if (event.customerId() == null || event.id() == null || event.properties() == null) {
            return List.of();
        }
        EventType type = EventType.ofWireName(event.type()).orElse(null);
        try {
            if (type == EventType.ORDER_COMPLETED) {
                OrderCompleted order = event.propertiesAs(OrderCompleted.class);
                return lines(event, OrderLine.Kind.PURCHASE, order.orderId(), order.products());
            }
            if (type == EventType.PRODUCT_RETURNED) {
                ProductReturned returned = event.propertiesAs(ProductReturned.class);
                return lines(event, OrderLine.Kind.RETURN, returned.orderId(), returned.products());
            }
        } catch (JacksonException | IllegalArgumentException e) {
            return List.of(); // not readable as its type: the analytics service dead-letters such events
        }
        return List.of();
    }

    private static List<OrderLine> lines(CanonicalEvent event, OrderLine.Kind kind, String orderId,
            List<Product> products) {
        if (products == null) {
            return List.of();
        }
        Instant time = event.time() != null ? event.time() : event.receivedAt();
        if (time == null) {
            return List.of();
        }
        List<OrderLine> lines = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            Product product = products.get(i);
            if (product == null) {
                continue;
            }
            String id = product.productId() != null ? product.productId() : product.sku();
            int quantity = product.quantity() == null ? 1 : product.quantity();
            if (id == null || id.isBlank() || quantity < 1) {
                continue;
            }
            lines.add(new OrderLine(event.id(), i, kind, event.customerId(), orderId, id, product.name(),
                    product.category(), quantity, time));
        }
        return lines;
    }
}
