package io.aftercart.collector.web;

import io.aftercart.collector.internal.Utf8;
import io.aftercart.platform.web.BadInputException;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses request bodies strictly: one JSON document, valid UTF-8, bounded nesting; anything else is a 400.
 *
 * <p>Each event keeps the bytes it was submitted as, for the size limit and the dead-letter topic. The events of a
 * request are the body's top-level array, or the array in one of its top-level fields ({@code batch},
 * {@code events}); the parser notes where each element begins and ends, so those bytes are a slice of the body
 * rather than the event written out again.
 */
final class IngestRequests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Reads one value of a document whose other values are read separately. */
    private static final JsonMapper VALUES = JSON.rebuild()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private IngestRequests() {
    }

    /**
     * @param eventsField the top-level field holding the events when the body is an object ({@code batch},
     *                    {@code events}), or null when the body itself is the event
     */
    static Body parse(byte[] body, String eventsField) {
        if (body.length == 0) {
            throw new BadInputException("Empty body", "The request has no body; send a JSON object");
        }
        if (!Utf8.isValid(body)) {
            throw new BadInputException("Invalid UTF-8", "The body is not valid UTF-8");
        }
        try (JsonParser parser = VALUES.createParser(body)) {
            JsonToken first = parser.nextToken();
            Body parsed;
            if (first == JsonToken.START_ARRAY) {
                parsed = Body.eventArray(body, parser);
            } else if (first == JsonToken.START_OBJECT) {
                parsed = Body.object(body, parser, eventsField);
            } else {
                return new Body(body, JSON.readTree(body), null, null);
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new BadInputException("Unparseable JSON",
                        "The body is not valid JSON: trailing token (" + trailing + ") after the value");
            }
            return parsed;
        } catch (JacksonException e) {
            throw new BadInputException("Unparseable JSON", "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** An event written out as JSON, for one that was changed after parsing or is not in the body as it stands. */
    static byte[] bytes(JsonNode event) {
        return JSON.writeValueAsBytes(event);
    }

    /** A parsed body, and where the elements of its event array lie in it. */
    static final class Body {

        private final byte[] bytes;
        private final JsonNode json;
        private final ArrayNode events;
        private final int[] spans;

        /**
         * @param events the array whose elements' places in the body are known, or null
         * @param spans  start and end offset (exclusive) in {@code bytes} of each element of {@code events}, in turn
         */
        private Body(byte[] bytes, JsonNode json, ArrayNode events, int[] spans) {
            this.bytes = bytes;
            this.json = json;
            this.events = events;
            this.spans = spans;
        }

        JsonNode json() {
            return json;
        }

        /**
         * The bytes an element of an array of this body was submitted as; written out instead when the array is not
         * the one whose places were noted.
         */
        byte[] submitted(ArrayNode array, int index) {
            if (array != events) {
                return bytes(array.get(index));
            }
            return Arrays.copyOfRange(bytes, spans[2 * index], spans[2 * index + 1]);
        }

        private static Body eventArray(byte[] bytes, JsonParser parser) {
            ArrayNode events = VALUES.createArrayNode();
            int[] spans = readElements(parser, events);
            return new Body(bytes, events, events, spans);
        }

        private static Body object(byte[] bytes, JsonParser parser, String eventsField) {
            ObjectNode object = VALUES.createObjectNode();
            ArrayNode events = null;
            int[] spans = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals(eventsField)) {
                    events = VALUES.createArrayNode();
                    spans = readElements(parser, events);
                    object.set(name, events); // a repeated field replaces the earlier one, as when reading a tree
                } else {
                    object.set(name, VALUES.readTree(parser));
                }
            }
            return new Body(bytes, object, events, spans);
        }

        /** Reads the elements of the array the parser is at into {@code into}, noting where each lies. */
        private static int[] readElements(JsonParser parser, ArrayNode into) {
            int[] spans = new int[64];
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                into.add(VALUES.readTree(parser));
                if (count + 2 > spans.length) {
                    spans = Arrays.copyOf(spans, spans.length * 2);
                }
                spans[count++] = start;
                spans[count++] = (int) parser.currentLocation().getByteOffset();
            }
            return spans;
        }
    }
}
