package io.aftercart.collector.internal;

import io.aftercart.contracts.DeadLetterReason;
import io.aftercart.contracts.EventType;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Segment call types, and where each keeps the data that the canonical event carries as properties. */
enum CallType {
    TRACK("track", "t", null),
    IDENTIFY("identify", "i", EventType.IDENTIFY),
    PAGE("page", "p", EventType.PAGE),
    SCREEN("screen", "s", EventType.SCREEN),
    GROUP("group", "g", EventType.GROUP),
    ALIAS("alias", "a", EventType.ALIAS);

    private final String wireName;
    private final String shortName;
    private final EventType eventType;

    CallType(String wireName, String shortName, EventType eventType) {
        this.wireName = wireName;
        this.shortName = shortName;
        this.eventType = eventType;
    }

    static CallType of(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name) || type.shortName.equals(name))
                .findFirst()
                .orElse(null);
    }

    String wireName() {
        return wireName;
    }

    EventType eventType() {
        return eventType;
    }

    /**
     * What the canonical event will carry: the event name (track only), the properties object and the JSON path of
     * that object in the submitted event, so schema violations point into what the client sent.
     */
    record Payload(String eventName, ObjectNode properties, String pointer, Rejection rejection) {

        static Payload of(String eventName, ObjectNode properties, String pointer) {
            return new Payload(eventName, properties, pointer, null);
        }

        Payload withEventName(String name) {
            return rejection != null ? this : new Payload(name, properties, pointer, null);
        }

        static Payload rejected(String detail, String path) {
            return new Payload(null, null, null, new Rejection(DeadLetterReason.SCHEMA_VIOLATION, detail, path));
        }
    }

    Payload payload(ObjectNode event) {
        return switch (this) {
            case TRACK -> objectAt(event, "properties").withEventName(text(event, "event"));
            case IDENTIFY -> objectAt(event, "traits");
            case PAGE, SCREEN -> named(objectAt(event, "properties"), text(event, "name"));
            case GROUP -> required(event, "groupId", objectAt(event, "traits"), "group_id");
            case ALIAS -> required(event, "previousId",
                    Payload.of(null, JsonNodeFactory.instance.objectNode(), "$"), "previous_id");
        };
    }

    private static Payload objectAt(ObjectNode event, String field) {
        JsonNode node = event.get(field);
        if (node == null || node.isNull()) {
            return Payload.of(null, JsonNodeFactory.instance.objectNode(), "$." + field);
        }
        if (node instanceof ObjectNode object) {
            return Payload.of(null, object, "$." + field);
        }
        return Payload.rejected(field + " must be a JSON object", "$." + field);
    }

    private static Payload named(Payload payload, String name) {
        if (payload.rejection() == null && name != null && !payload.properties().has("name")) {
            payload.properties().put("name", name);
        }
        return payload;
    }

    /** Group and alias calls need an id outside their properties; it is kept in the properties under snake_case. */
    private static Payload required(ObjectNode event, String field, Payload payload, String propertyName) {
        if (payload.rejection() != null) {
            return payload;
        }
        JsonNode id = event.get(field);
        if (id == null || !(id.isString() || id.isIntegralNumber()) || id.asString().isBlank()) {
            return Payload.rejected("A " + field.replace("Id", "") + " call needs " + field, "$." + field);
        }
        payload.properties().put(propertyName, id.asString());
        return payload;
    }

    private static String text(ObjectNode event, String field) {
        JsonNode node = event.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
