package io.aftercart.contracts.events;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The well-known traits of an {@code identify} call (schema {@code identify/1-0-0}); nothing is required. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IdentifyTraits(
        String email,
        String phone,
        String firstName,
        String lastName,
        Instant createdAt) {
}
