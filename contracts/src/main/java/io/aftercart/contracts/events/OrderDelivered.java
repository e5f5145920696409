package io.aftercart.contracts.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Order Delivered} (schema {@code order_delivered/1-0-0}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderDelivered(
        String orderId,
        String carrier) {
}
