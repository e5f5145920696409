package io.aftercart.contracts.events;

import java.math.BigDecimal;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One line of an order (shared by every order and return event); price is per unit. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Product(
        String productId,
        String sku,
        String name,
        String category,
        String brand,
        String variant,
        BigDecimal price,
        Integer quantity,
        String url,
        String imageUrl) {
}
