package io.aftercart.collector.web;

import io.aftercart.collector.CollectorProperties;
import io.aftercart.collector.IngestResponse;
import io.aftercart.collector.internal.Arrival;
import io.aftercart.collector.internal.IngestPipeline;
import io.aftercart.collector.internal.Submitted;
import io.aftercart.contracts.Timestamps;
import io.aftercart.platform.web.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Segment's HTTP Tracking API as the real SDKs call it: the single calls, batch and import, and analytics.js's
 * one-letter paths. Bodies may be {@code application/json} or {@code text/plain}, optionally gzip-compressed.
 */
@RestController
public class SegmentController {

    private final IngestPipeline pipeline;
    private final WriteKeyAuthentication authentication;
    private final CollectorProperties properties;
    private final Clock clock;

    SegmentController(IngestPipeline pipeline, WriteKeyAuthentication authentication, CollectorProperties properties,
            Clock clock) {
        this.pipeline = pipeline;
        this.authentication = authentication;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/v1/{call:track|identify|page|screen|group|alias|t|i|p|s|g|a}")
    IngestResponse single(@PathVariable String call, HttpServletRequest request) throws IOException {
        Instant receivedAt = clock.instant();
        byte[] body = RequestBody.read(request, properties.maxRequestSize().toBytes());
        if (body.length > properties.maxEventSize().toBytes()) {
            throw new BadInputException("Event too large", "The event has " + body.length
                    + " bytes; the limit is " + properties.maxEventSize().toBytes());
        }
        ObjectNode event = requireObject(IngestRequests.parse(body, null).json(), "$");
        String source = authentication.sourceOf(request, event);
        // a secret: it must not travel on with the event, e.g. to the dead-letter topic
        byte[] submitted = event.remove("writeKey") == null ? body : IngestRequests.bytes(event);
        Arrival arrival = new Arrival(source, "http", receivedAt, null);
        return IngestResponse.of(pipeline.ingest(List.of(Submitted.segment(event, submitted, call)), arrival));
    }

    @PostMapping({"/v1/batch", "/v1/b", "/v1/import"})
    IngestResponse batch(HttpServletRequest request) throws IOException {
        Instant receivedAt = clock.instant();
        byte[] body = RequestBody.read(request, properties.maxRequestSize().toBytes());
        IngestRequests.Body parsed = IngestRequests.parse(body, "batch");
        ObjectNode envelope = requireObject(parsed.json(), "$");
        String source = authentication.sourceOf(request, envelope);
        if (!(envelope.get("batch") instanceof ArrayNode batch)) {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Invalid batch",
                    "A batch request needs a 'batch' array of events", "$.batch");
        }
        if (batch.size() > properties.maxBatchEvents()) {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Batch too large",
                    "The batch has " + batch.size() + " events; the limit is " + properties.maxBatchEvents(),
                    "$.batch");
        }
        Instant sentAt = sentAt(envelope);
        JsonNode sharedContext = envelope.get("context");
        List<Submitted> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            JsonNode event = batch.get(i);
            if (event instanceof ObjectNode object && !object.has("context") && sharedContext instanceof ObjectNode) {
                object.set("context", sharedContext);
                events.add(Submitted.segment(event, IngestRequests.bytes(event), null));
            } else {
                events.add(Submitted.segment(event, parsed.submitted(batch, i), null));
            }
        }
        return IngestResponse.of(pipeline.ingest(events, new Arrival(source, "http", receivedAt, sentAt)));
    }

    private static Instant sentAt(ObjectNode envelope) {
        JsonNode sentAt = envelope.get("sentAt");
        if (sentAt == null || sentAt.isNull()) {
            return null;
        }
        Instant parsed = sentAt.isString() ? Timestamps.parse(sentAt.asString()) : null;
        if (parsed == null) {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Invalid sentAt",
                    "sentAt must be an ISO-8601 date-time with an offset", "$.sentAt");
        }
        return parsed;
    }

    static ObjectNode requireObject(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new BadInputException(HttpStatus.BAD_REQUEST, "Invalid body",
                "Expected a JSON object", path);
    }
}
