package io.aftercart.e2e;

import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic events from the catalogue's own examples, in the Segment and the canonical shape, with ids derived
 * from a seeded random source so a failing run can be repeated.
 */
final class SampleEvents {

    /** Catalogue track types a shop sends most, plus a custom event that the catalogue does not name. */
    static final List<String> TRACK_NAMES = List.of("Order Completed", "Order Shipped", "Order Delivered",
            "Product Reviewed", "NPS Survey Responded", "Support Ticket Opened", "Wishlist Viewed");
    static final String CUSTOM_TRACK_NAME = "Wishlist Viewed";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final String idPrefix;
    private long sequence;

    SampleEvents(long seed, String idPrefix) {
        this.random = new Random(seed);
        this.idPrefix = idPrefix;
    }

    String nextMessageId() {
        return idPrefix + "-" + (sequence++) + "-" + Long.toHexString(random.nextLong());
    }

    String randomTrackName() {
        return TRACK_NAMES.get(random.nextInt(TRACK_NAMES.size()));
    }

    static ObjectNode validProperties(String trackName) {
        return trackName.equals(CUSTOM_TRACK_NAME)
                ? Examples.valid(EventType.CUSTOM_TRACK)
                : Examples.valid(EventType.ofTrackName(trackName));
    }

    /** A Segment {@code track} message; its warehouse type is the event name. */
    ObjectNode segmentTrack(String userId, String eventName) {
        ObjectNode message = NODES.objectNode();
        message.put("type", "track");
        message.put("event", eventName);
        message.put("userId", userId);
        message.put("messageId", nextMessageId());
        message.set("properties", validProperties(eventName));
        message.putObject("context").putObject("library").put("name", "aftercart-e2e").put("version", "1");
        return message;
    }

    /** A Segment {@code identify} message; its warehouse type is {@code identify}. */
    ObjectNode segmentIdentify(String userId) {
        ObjectNode message = NODES.objectNode();
        message.put("type", "identify");
        message.put("userId", userId);
        message.put("messageId", nextMessageId());
        message.set("traits", Examples.valid(EventType.IDENTIFY));
        return message;
    }

    /** The same track event in Aftercart's canonical shape (native API, intake topic). */
    ObjectNode canonicalTrack(String customerId, String eventName, Instant time) {
        ObjectNode event = NODES.objectNode();
        event.put("id", nextMessageId());
        event.put("type", eventName);
        event.put("customerId", customerId);
        event.put("time", time.toString());
        event.set("properties", validProperties(eventName));
        return event;
    }

    /** A track message the collector must reject: schema-invalid properties of a catalogue type. */
    ObjectNode schemaInvalidTrack(String userId) {
        List<Examples.InvalidExample> cases = Examples.invalid(EventType.ORDER_COMPLETED);
        Examples.InvalidExample invalid = cases.get(random.nextInt(cases.size()));
        ObjectNode message = segmentTrack(userId, "Order Completed");
        message.set("properties", invalid.properties());
        return message;
    }

    /** A track message without any identity, which the collector must reject. */
    ObjectNode anonymousTrack() {
        ObjectNode message = segmentTrack("nobody", randomTrackName());
        message.remove("userId");
        return message;
    }
}
