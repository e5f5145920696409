package io.aftercart.contracts;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical envelope every service consumes from {@link Topics#EVENTS}, aligned with CloudEvents
 * (the same fields travel as {@code ce_*} Kafka headers).
 *
 * @param id          the client's messageId (assigned by the collector when missing); unique per event
 * @param type        the event name, e.g. {@code Order Completed}, or a call type such as {@code identify}
 * @param schema      the schema the properties were validated against, e.g. {@code order_completed/1-0-0}
 * @param source      the name of the source (write key) the event came through
 * @param time        when it happened, skew-corrected: {@code receivedAt - (sentAt - originalTimestamp)}
 * @param receivedAt  when the collector received it
 * @param customerId  the shop's user id, or null while anonymous
 * @param anonymousId the device/browser id, or null
 * @param properties  the event's properties (traits for identify/group), validated against {@code schema}
 * @param context     the client's context object (library, ip, locale, ...), never validated
 */
public record CanonicalEvent(
        String id,
        String type,
        String schema,
        String source,
        Instant time,
        Instant receivedAt,
        String customerId,
        String anonymousId,
        ObjectNode properties,
        ObjectNode context) {

    /** The Kafka key: the customer id, or the anonymous id until the customer is identified. */
    public String partitionKey() {
        return customerId != null ? customerId : anonymousId;
    }

    /**
     * The properties as their record, e.g. {@code propertiesAs(OrderCompleted.class)}; extension properties are
     * ignored.
     */
    public <T> T propertiesAs(Class<T> type) {
        return EventJson.propertiesAs(properties, type);
    }

    /** The event type named by {@link #schema()}, if it is a known schema reference. */
    public java.util.Optional<EventType> eventType() {
        return EventType.ofSchemaRef(schema);
    }
}
