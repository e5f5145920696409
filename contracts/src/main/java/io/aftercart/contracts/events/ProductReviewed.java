package io.aftercart.contracts.events;

import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Product Reviewed} (schema {@code product_reviewed/1-0-0}); rating is 1..5. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductReviewed(
        String productId,
        String reviewId,
        BigDecimal rating,
        String reviewBody,
        String orderId) {
}
