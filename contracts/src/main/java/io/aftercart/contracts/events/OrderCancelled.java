package io.aftercart.contracts.events;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Order Cancelled} (schema {@code order_cancelled/1-0-0}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderCancelled(
        String orderId,
        BigDecimal total,
        String currency,
        String reason,
        List<Product> products) {
}
