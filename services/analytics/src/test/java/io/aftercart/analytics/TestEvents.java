package io.aftercart.analytics;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** Canonical events for tests; times are whole seconds, which both stores keep exactly. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private TestEvents() {
    }

    static CanonicalEvent event(String id, String customerId, String type, Instant time) {
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", "o-" + id);
        ObjectNode context = EventJson.mapper().createObjectNode().put("locale", "de-DE");
        return new CanonicalEvent(id, type, "order_completed/1-0-0", "test-shop", time, time.plusSeconds(1),
                customerId, "anon-" + customerId, properties, context);
    }

    static CanonicalEvent event(String id, String customerId, Instant time) {
        return event(id, customerId, "Order Completed", time);
    }
}
