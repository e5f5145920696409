package io.aftercart.collector.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterReason;
import io.aftercart.contracts.EventSchemas;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.SchemaViolation;
import io.aftercart.contracts.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one Segment-shaped message ({@code track}, {@code identify}, {@code page}, {@code screen}, {@code group},
 * {@code alias}) into a validated canonical event, or says precisely why it cannot be one.
 */
public final class SegmentNormalizer {

    private static final int MAX_ID_LENGTH = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventSchemas schemas;

    public SegmentNormalizer(EventSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * @param message     the submitted event
     * @param impliedType the call type given by the endpoint ({@code /v1/track} → {@code track}), or null for batches
     */
    public Normalized normalize(JsonNode message, String impliedType, Arrival arrival) {
        if (!(message instanceof ObjectNode event)) {
            return reject(DeadLetterReason.UNPARSEABLE, "An event must be a JSON object", "$");
        }
        String call = impliedType != null ? impliedType : text(event, "type");
        if (call == null) {
            return reject(DeadLetterReason.UNSUPPORTED_TYPE, "The event has no type", "$.type");
        }
        CallType callType = CallType.of(call);
        if (callType == null) {
            return reject(DeadLetterReason.UNSUPPORTED_TYPE,
                    "Unknown type '" + abbreviate(call) + "'; expected track, identify, page, screen, group or alias",
                    "$.type");
        }
        String userId = idValue(event.get("userId"));
        String anonymousId = idValue(event.get("anonymousId"));
        if (userId == null && anonymousId == null) {
            return reject(DeadLetterReason.MISSING_IDENTITY, "Each event needs a userId or an anonymousId", "$.userId");
        }
        if (tooLong(userId) || tooLong(anonymousId)) {
            return reject(DeadLetterReason.SCHEMA_VIOLATION, "Ids are limited to " + MAX_ID_LENGTH + " characters",
                    tooLong(userId) ? "$.userId" : "$.anonymousId");
        }
        if (hasNul(userId) || hasNul(anonymousId)) {
            return reject(DeadLetterReason.SCHEMA_VIOLATION, "Ids must not contain NUL characters",
                    hasNul(userId) ? "$.userId" : "$.anonymousId");
        }
        JsonNode messageIdNode = event.get("messageId");
        String messageId = idValue(messageIdNode);
        if (messageIdNode != null && !messageIdNode.isNull()
                && (messageId == null || tooLong(messageId) || hasNul(messageId))) {
            return reject(DeadLetterReason.SCHEMA_VIOLATION, "messageId must be a non-empty string of at most "
                    + MAX_ID_LENGTH + " characters, without NUL characters", "$.messageId");
        }
        Instant time;
        try {
            time = eventTime(event, arrival);
        } catch (InvalidTimestamp e) {
            return reject(DeadLetterReason.INVALID_TIMESTAMP, e.getMessage(), e.path);
        }
        CallType.Payload payload = callType.payload(event);
        if (payload.rejection() != null) {
            return Normalized.rejected(payload.rejection());
        }
        return validate(event, callType, payload, messageId, userId, anonymousId, time, arrival);
    }

    private Normalized validate(ObjectNode event, CallType callType, CallType.Payload payload, String messageId,
            String userId, String anonymousId, Instant time, Arrival arrival) {
        if (callType == CallType.TRACK && payload.eventName() == null) {
            return reject(DeadLetterReason.MISSING_EVENT_NAME, "A track call needs an event name", "$.event");
        }
        if (hasNul(payload.eventName())) {
            return reject(DeadLetterReason.SCHEMA_VIOLATION, "The event name must not contain NUL characters",
                    "$.event");
        }
        EventType type = callType == CallType.TRACK ? EventType.ofTrackName(payload.eventName()) : callType.eventType();
        List<SchemaViolation> violations = schemas.validate(type, payload.properties());
        if (!violations.isEmpty()) {
            SchemaViolation first = violations.get(0).rebased(payload.pointer());
            return reject(DeadLetterReason.SCHEMA_VIOLATION, first.message(), first.path());
        }
        ObjectNode context = event.get("context") instanceof ObjectNode given ? given : NODES.objectNode();
        String id = messageId != null ? messageId : UUID.randomUUID().toString();
        String name = type == EventType.CUSTOM_TRACK ? payload.eventName() : type.wireName();
        return Normalized.accepted(new CanonicalEvent(id, name, type.schemaRef(), arrival.source(), time,
                arrival.receivedAt(), userId, anonymousId, payload.properties(), context));
    }

    /**
     * An explicit {@code timestamp} is a historical import and taken as is; otherwise the client's
     * {@code originalTimestamp} is corrected for its clock skew: {@code receivedAt - (sentAt - originalTimestamp)}.
     */
    private static Instant eventTime(ObjectNode event, Arrival arrival) throws InvalidTimestamp {
        Instant timestamp = instant(event, "timestamp");
        if (timestamp != null) {
            return timestamp;
        }
        Instant original = instant(event, "originalTimestamp");
        if (original == null) {
            return arrival.receivedAt();
        }
        Instant sentAt = instant(event, "sentAt");
        if (sentAt == null) {
            sentAt = arrival.sentAt();
        }
        return sentAt == null ? original : arrival.receivedAt().minus(Duration.between(original, sentAt));
    }

    private static Instant instant(ObjectNode event, String field) throws InvalidTimestamp {
        JsonNode node = event.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidTimestamp(field + " must be an ISO-8601 date-time string", "$." + field);
        }
        Instant instant = Timestamps.parse(node.asString());
        if (instant == null) {
            throw new InvalidTimestamp("'" + abbreviate(node.asString())
                    + "' is not an ISO-8601 date-time with an offset", "$." + field);
        }
        return instant;
    }

    /** Segment ids may arrive as strings or numbers; anything else counts as absent. */
    private static String idValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            String value = node.asString();
            return value.isBlank() ? null : value;
        }
        return node.isIntegralNumber() ? node.asString() : null;
    }

    private static String text(ObjectNode event, String field) {
        JsonNode node = event.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }

    private static boolean tooLong(String id) {
        return id != null && id.length() > MAX_ID_LENGTH;
    }

    /** Ids and names become text columns, and PostgreSQL text cannot hold NUL: such an event could never be stored. */
    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private static Normalized reject(DeadLetterReason reason, String detail, String path) {
        return Normalized.rejected(new Rejection(reason, detail, path));
    }

    static final class InvalidTimestamp extends Exception {
        final String path;

        InvalidTimestamp(String message, String path) {
            super(message, null, false, false);
            this.path = path;
        }
    }
}
