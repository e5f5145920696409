package io.aftercart.contracts.events;

import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Product Used} (schema {@code product_used/1-0-0}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductUsed(
        String productId,
        String feature,
        Long usageCount,
        BigDecimal durationSeconds) {
}
