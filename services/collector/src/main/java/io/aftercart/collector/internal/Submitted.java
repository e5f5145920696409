package io.aftercart.collector.internal;

import tools.jackson.databind.JsonNode;

/**
 * One event as the client submitted it.
 *
 * @param message     the parsed event (may be any JSON value; only objects can be valid)
 * @param raw         its bytes, for the size limit and the dead-letter topic
 * @param impliedType the call type the endpoint implies, or null when the event names it
 * @param canonical   whether the client sent the canonical shape (its rejections then use canonical field names)
 */
public record Submitted(JsonNode message, byte[] raw, String impliedType, boolean canonical) {

    /** A Segment message, as sent to a single-call path (which implies its type) or in a batch (implied type null). */
    public static Submitted segment(JsonNode message, byte[] raw, String impliedType) {
        return new Submitted(message, raw, impliedType, false);
    }

    /** A canonical-shape event, restated as the Segment message it corresponds to. */
    public static Submitted canonical(JsonNode event, byte[] raw) {
        return new Submitted(CanonicalInput.toSegment(event), raw, null, true);
    }
}
