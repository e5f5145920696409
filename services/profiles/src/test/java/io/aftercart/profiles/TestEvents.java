package io.aftercart.profiles;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** Canonical events for tests; times are whole seconds, which both stores keep exactly. */
public final class TestEvents {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private TestEvents() {
    }

    public static Instant at(long days) {
        return T0.plusSeconds(days * 86_400);
    }

    /** An event of {@code customerId}; properties given as JSON (single quotes allowed for readability). */
    public static CanonicalEvent event(String id, String customerId, String type, Instant time, String properties) {
        return new CanonicalEvent(id, type, null, "test-shop", time, time.plusSeconds(1), customerId, null,
                json(properties), null);
    }

    /** An event that arrived under an anonymous id only. */
    public static CanonicalEvent anonymous(String id, String anonymousId, String type, Instant time,
            String properties) {
        return new CanonicalEvent(id, type, null, "test-shop", time, time.plusSeconds(1), null, anonymousId,
                json(properties), null);
    }

    public static CanonicalEvent identify(String id, String customerId, String anonymousId, Instant time,
            String traits) {
        return new CanonicalEvent(id, "identify", "identify/1-0-0", "test-shop", time, time.plusSeconds(1),
                customerId, anonymousId, json(traits), null);
    }

    public static CanonicalEvent alias(String id, String customerId, String previousId, Instant time) {
        return new CanonicalEvent(id, "alias", "alias/1-0-0", "test-shop", time, time.plusSeconds(1), customerId,
                null, json("{'previous_id':'" + previousId + "'}"), null);
    }

    public static CanonicalEvent order(String id, String customerId, Instant time, String orderId, String total,
            int quantity) {
        return event(id, customerId, "Order Completed", time, "{'order_id':'" + orderId + "','total':" + total
                + ",'currency':'GBP','products':[{'product_id':'p1','price':1,'quantity':" + quantity + "}]}");
    }

    public static ObjectNode json(String text) {
        return (ObjectNode) EventJson.mapper().readTree(text.replace('\'', '"'));
    }
}
