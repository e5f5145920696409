package io.aftercart.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Reads the event warehouse through its HTTP API only. */
final class WarehouseApi {

    private final AppHttp http;

    WarehouseApi(AppHttp http) {
        this.http = http;
    }

    /** Events per type and in all, from {@code GET /api/v1/events/counts}. */
    record Counts(Map<String, Long> byType, long total) {
    }

    /** One stored event as the API returns it. */
    record StoredEvent(String id, String type, Instant time, String customerId) {
    }

    /** Counts of the events whose event time is at or after {@code since} (all events when null). */
    Counts counts(Instant since) throws IOException, InterruptedException {
        AppHttp.Reply reply = http.get("/api/v1/events/counts" + (since == null ? "" : "?since=" + since));
        assertThat(reply.status()).as("counts: %s", reply.text()).isEqualTo(200);
        JsonNode json = reply.json();
        Map<String, Long> byType = new TreeMap<>();
        json.path("byType").properties().forEach(entry -> byType.put(entry.getKey(), entry.getValue().asLong()));
        return new Counts(byType, json.path("total").asLong());
    }

    /** Every event of the customer, oldest first, following the cursor page by page. */
    List<StoredEvent> customerEvents(String customerId, int pageSize) throws IOException, InterruptedException {
        List<StoredEvent> events = new ArrayList<>();
        String cursor = null;
        do {
            String query = "/api/v1/events?customerId=" + encode(customerId) + "&limit=" + pageSize
                    + (cursor == null ? "" : "&cursor=" + encode(cursor));
            AppHttp.Reply reply = http.get(query);
            assertThat(reply.status()).as("events of a customer: %s", reply.text()).isEqualTo(200);
            JsonNode page = reply.json();
            for (JsonNode event : page.path("events")) {
                events.add(new StoredEvent(event.path("id").asString(), event.path("type").asString(),
                        Instant.parse(event.path("time").asString()), event.path("customerId").asString()));
            }
            cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
        } while (cursor != null);
        return events;
    }

    /**
     * Waits until the warehouse holds exactly {@code expected} events with an event time from {@code since} on
     * (all when null), then checks that no more arrive within {@code settle}.
     */
    Counts awaitExactTotal(Instant since, long expected, Duration timeout, Duration settle)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Counts counts = counts(since);
        while (counts.total() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            counts = counts(since);
        }
        assertThat(counts.total()).as("events in the warehouse after waiting up to %s", timeout).isEqualTo(expected);
        Thread.sleep(settle.toMillis());
        Counts settled = counts(since);
        assertThat(settled.total()).as("events in the warehouse %s later", settle).isEqualTo(expected);
        return settled;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
