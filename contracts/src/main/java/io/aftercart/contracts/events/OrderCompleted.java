package io.aftercart.contracts.events;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Order Completed} (schema {@code order_completed/1-0-0}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderCompleted(
        String orderId,
        BigDecimal total,
        BigDecimal revenue,
        BigDecimal subtotal,
        BigDecimal shipping,
        BigDecimal tax,
        BigDecimal discount,
        String coupon,
        String currency,
        List<Product> products) {
}
