package io.aftercart.contracts.events;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Order Shipped} (schema {@code order_shipped/1-0-0}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderShipped(
        String orderId,
        String carrier,
        String trackingNumber,
        Instant estimatedDelivery,
        List<Product> products) {
}
