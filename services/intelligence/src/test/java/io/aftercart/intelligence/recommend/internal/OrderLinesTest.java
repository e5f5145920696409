package io.aftercart.intelligence.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OrderLinesTest {

    /** The recommendation consumer leaves events of other types unread, so no other type may carry lines. */
    @Test
    void exactlyTheTypesItNamesCarryOrderLines() {
        Set<String> withLines = Stream.of(EventType.values()).filter(type -> type.wireName() != null)
                .filter(type -> !OrderLines.of(example(type)).isEmpty()).map(EventType::wireName)
                .collect(Collectors.toSet());

        assertThat(withLines).isEqualTo(OrderLines.TYPES);
    }

    private static CanonicalEvent example(EventType type) {
        Instant time = Instant.parse("2025-03-01T10:00:00Z");
        return new CanonicalEvent("ev-" + type.schemaKey(), type.wireName(), type.schemaRef(), "test-shop", time, time,
                "cust-1", null, Examples.valid(type), null);
    }
}
