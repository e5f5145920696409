package io.aftercart.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Example properties per event type, shipped in {@code examples/<schema_key>/<version>/} so tests in every
 * module exercise the same realistic payloads: {@code valid.json} (one properties object) and
 * {@code invalid.json} (cases that must be rejected, each with the JSON path the violation must name).
 */
public final class Examples {

    /** Properties that must be rejected (usually an object; a non-object for free-form types), and where. */
    public record InvalidExample(String description, JsonNode properties, String expectedPath) {
        @Override
        public String toString() {
            return description;
        }
    }

    private Examples() {
    }

    /** A fresh (mutable) copy of the valid example for the type. */
    public static ObjectNode valid(EventType type) {
        return (ObjectNode) load(type.schemaKey(), "valid.json");
    }

    /** The invalid examples for the type; fresh copies. */
    public static List<InvalidExample> invalid(EventType type) {
        return invalidCases(type.schemaKey());
    }

    /** A complete valid {@link CanonicalEvent} as JSON. */
    public static ObjectNode validEnvelope() {
        return (ObjectNode) load(EventSchemas.ENVELOPE_KEY, "valid.json");
    }

    /** Envelopes that must be rejected; {@code properties} holds the whole envelope. */
    public static List<InvalidExample> invalidEnvelopes() {
        return invalidCases(EventSchemas.ENVELOPE_KEY);
    }

    private static List<InvalidExample> invalidCases(String key) {
        List<InvalidExample> cases = new ArrayList<>();
        for (JsonNode node : load(key, "invalid.json")) {
            cases.add(new InvalidExample(
                    node.required("description").asString(),
                    node.required("properties"),
                    node.required("expectedPath").asString()));
        }
        return cases;
    }

    private static JsonNode load(String key, String file) {
        String path = "examples/" + key + "/" + EventType.SCHEMA_VERSION + "/" + file;
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing example resource " + path);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
