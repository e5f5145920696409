package io.aftercart.intelligence.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OrderFactTest {

    /** The churn consumer leaves events of other types unread, so no other type may carry a fact. */
    @Test
    void exactlyTheTypesItNamesCarryFacts() {
        Set<String> withFacts = Stream.of(EventType.values()).filter(type -> type.wireName() != null)
                .filter(type -> OrderFact.of(example(type)).isPresent()).map(EventType::wireName)
                .collect(Collectors.toSet());

        assertThat(withFacts).isEqualTo(OrderFact.TYPES);
    }

    private static CanonicalEvent example(EventType type) {
        Instant time = Instant.parse("2025-03-01T10:00:00Z");
        return new CanonicalEvent("ev-" + type.schemaKey(), type.wireName(), type.schemaRef(), "test-shop", time, time,
                "cust-1", null, Examples.valid(type), null);
    }
}
