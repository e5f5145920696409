package io.aftercart.collector.web;

import io.aftercart.collector.internal.Submitted;
import io.aftercart.collector.internal.Utf8;
import io.aftercart.platform.web.BadInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses request bodies strictly: one JSON document, valid UTF-8, bounded nesting; anything else is a 400. */
final class IngestRequests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private IngestRequests() {
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new BadInputException("Empty body", "The request has no body; send a JSON object");
        }
        if (!Utf8.isValid(body)) {
            throw new BadInputException("Invalid UTF-8", "The body is not valid UTF-8");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new BadInputException("Unparseable JSON", "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static Submitted segment(JsonNode event, String impliedType) {
        return new Submitted(event, bytes(event), impliedType, false);
    }

    static byte[] bytes(JsonNode event) {
        return JSON.writeValueAsBytes(event);
    }
}
