package io.aftercart.contracts.events;

import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Properties of {@code Consent Updated} (schema {@code consent_updated/1-0-0}): purpose name to granted (true) or
 * withdrawn (false).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConsentUpdated(
        Map<String, Boolean> purposes,
        String policyVersion) {
}
