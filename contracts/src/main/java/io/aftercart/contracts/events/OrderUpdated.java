package io.aftercart.contracts.events;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Order Updated} (schema {@code order_updated/1-0-0}); only order_id is required. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderUpdated(
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
