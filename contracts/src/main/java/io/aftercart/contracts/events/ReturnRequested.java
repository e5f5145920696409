package io.aftercart.contracts.events;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Return Requested} (schema {@code return_requested/1-0-0}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReturnRequested(
        String orderId,
        String returnId,
        List<Product> products,
        String reason,
        ReturnReasonCode reasonCode) {
}
