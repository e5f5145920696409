package io.aftercart.contracts.events;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Product Returned} (schema {@code product_returned/1-0-0}); total is the refunded value. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductReturned(
        String orderId,
        String returnId,
        List<Product> products,
        BigDecimal total,
        String currency,
        String reason,
        ReturnReasonCode reasonCode) {
}
