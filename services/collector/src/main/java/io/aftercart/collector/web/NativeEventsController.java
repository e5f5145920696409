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
        byte[] bytes = RequestBody.read(request, properties.maxRequestSize().toBytes());
        IngestRequests.Body parsed = IngestRequests.parse(bytes, "events");
        JsonNode body = parsed.json();
        String source = authentication.sourceOf(request, body.isObject() ? body : null);
        // a secret: it must not travel on with the event
        boolean keyRemoved = body instanceof ObjectNode object && object.remove("writeKey") != null;
        List<Submitted> events = eventsOf(parsed, bytes, keyRemoved);
        return IngestResponse.of(pipeline.ingest(events, new Arrival(source, "http", receivedAt, null)));
    }

    /**
     * @param bytes      the body as received
     * @param keyRemoved whether a write key was taken out of the body, which then differs from {@code bytes}
     */
    private List<Submitted> eventsOf(IngestRequests.Body parsed, byte[] bytes, boolean keyRemoved) {
        JsonNode body = parsed.json();
        ArrayNode events;
        if (body instanceof ArrayNode array) {
            events = array;
        } else if (body.isObject() && body.get("events") instanceof ArrayNode array) {
            events = array;
        } else if (body.isObject()) {
            return List.of(Submitted.canonical(body, keyRemoved ? IngestRequests.bytes(body) : bytes));
        } else {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Invalid body",
                    "Send a canonical event, an array of them, or {\"events\": [...]}", "$");
        }
        if (events.size() > properties.maxBatchEvents()) {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Too many events", "The request has "
                    + events.size() + " events; the limit is " + properties.maxBatchEvents(), "$.events");
        }
        List<Submitted> submitted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            submitted.add(Submitted.canonical(events.get(i), parsed.submitted(events, i)));
        }
        return submitted;
    }
}
