package io.aftercart.collector.web;

import io.aftercart.collector.CollectorProperties;
import io.aftercart.collector.IngestResponse;
import io.aftercart.collector.internal.Arrival;
import io.aftercart.collector.internal.IngestPipeline;
import io.aftercart.collector.internal.Submitted;
import io.aftercart.platform.web.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Aftercart's native intake: one canonical event, an array of them, or {@code {"events": [...]}}, with the same
 * write keys, limits, validation and per-event results as the Segment API.
 */
@RestController
public class NativeEventsController {

    private final IngestPipeline pipeline;
    private final WriteKeyAuthentication authentication;
    private final CollectorProperties properties;
    private final Clock clock;

    NativeEventsController(IngestPipeline pipeline, WriteKeyAuthentication authentication,
            CollectorProperties properties, Clock clock) {
        this.pipeline = pipeline;
        this.authentication = authentication;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/events")
    IngestResponse ingest(HttpServletRequest request) throws IOException {
        Instant receivedAt = clock.instant();
        JsonNode body = IngestRequests.parse(RequestBody.read(request, properties.maxRequestSize().toBytes()));
        String source = authentication.sourceOf(request, body.isObject() ? body : null);
        if (body instanceof ObjectNode object) {
            object.remove("writeKey"); // a secret: it must not travel on with the event
        }
        ArrayNode events = eventsOf(body);
        if (events.size() > properties.maxBatchEvents()) {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Too many events", "The request has "
                    + events.size() + " events; the limit is " + properties.maxBatchEvents(), "$.events");
        }
        List<Submitted> submitted = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            submitted.add(Submitted.canonical(event, IngestRequests.bytes(event)));
        }
        return IngestResponse.of(pipeline.ingest(submitted, new Arrival(source, "http", receivedAt, null)));
    }

    private static ArrayNode eventsOf(JsonNode body) {
        if (body instanceof ArrayNode array) {
            return array;
        }
        if (body.isObject() && body.get("events") instanceof ArrayNode array) {
            return array;
        }
        if (body.isObject()) {
            return JsonNodeFactory.instance.arrayNode().add(body);
        }
        throw new BadInputException(HttpStatus.BAD_REQUEST, "Invalid body",
                "Send a canonical event, an array of them, or {\"events\": [...]}", "$");
    }
}
