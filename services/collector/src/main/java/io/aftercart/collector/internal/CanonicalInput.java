package io.aftercart.collector.internal;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accepts events in Aftercart's canonical shape (native API, intake topic) by restating them as the Segment
 * message they correspond to, so both shapes take exactly the same validation path. Rejection paths are stated
 * back in canonical field names.
 */
public final class CanonicalInput {

    private static final Set<String> CALL_TYPES = Set.of("track", "identify", "page", "screen", "group", "alias");
    private static final Map<String, String> CANONICAL_PATHS = Map.of(
            "$.userId", "$.customerId",
            "$.messageId", "$.id",
            "$.event", "$.type",
            "$.timestamp", "$.time",
            "$.groupId", "$.properties.group_id",
            "$.previousId", "$.properties.previous_id");

    private CanonicalInput() {
    }

    /** Segment messages name a call type and never a {@code customerId} or a bare {@code id}. */
    public static boolean isCanonical(JsonNode event) {
        JsonNode type = event.get("type");
        boolean segmentType = type != null && type.isString() && CALL_TYPES.contains(type.asString());
        return !segmentType || event.has("customerId") || (event.has("id") && !event.has("messageId"));
    }

    /** The Segment message equivalent to a canonical event; its {@code time} becomes an explicit timestamp. */
    public static JsonNode toSegment(JsonNode event) {
        if (!(event instanceof ObjectNode canonical)) {
            return event;
        }
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        JsonNode type = canonical.get("type");
        String name = type != null && type.isString() ? type.asString() : null;
        boolean call = name != null && CALL_TYPES.contains(name) && !"track".equals(name);
        message.put("type", call ? name : "track");
        if (!call && name != null) {
            message.put("event", name);
        }
        copy(canonical, "id", message, "messageId");
        copy(canonical, "customerId", message, "userId");
        copy(canonical, "anonymousId", message, "anonymousId");
        copy(canonical, "time", message, "timestamp");
        copy(canonical, "context", message, "context");
        JsonNode properties = canonical.get("properties");
        if ("identify".equals(name) || "group".equals(name)) {
            copy(canonical, "properties", message, "traits");
        } else if (!"alias".equals(name)) {
            copy(canonical, "properties", message, "properties");
        }
        if (properties != null) {
            copy(properties, "group_id", message, "groupId");
            copy(properties, "previous_id", message, "previousId");
        }
        return message;
    }

    /** A rejection path of the Segment restatement, in the canonical event's field names. */
    static String canonicalPath(String path) {
        if (path != null && path.startsWith("$.traits")) {
            path = "$.properties" + path.substring("$.traits".length());
        }
        return CANONICAL_PATHS.getOrDefault(path, path);
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value);
        }
    }
}
