package io.aftercart.contracts.events;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Order Refunded} (schema {@code order_refunded/1-0-0}); total is the refunded amount. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderRefunded(
        String orderId,
        BigDecimal total,
        String currency,
        String reason,
        List<Product> products) {
}
