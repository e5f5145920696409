package io.aftercart.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts events to the collector's Segment-compatible {@code /v1/batch}: splits by count and body size, retries
 * "try later" answers and network failures with the very same events (same messageIds, so nothing is counted twice),
 * and tallies the per-event results.
 */
final class CollectorClient {

    /** The collector's body limit. */
    static final int MAX_BODY_BYTES = 500 * 1024;
    private static final int ENVELOPE_BYTES = 128;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** Even "Retry-After: 0" gets a short pause, so a struggling collector is not hammered. */
    private static final Duration MIN_RETRY_WAIT = Duration.ofMillis(100);
    private static final int MAX_SERVER_ERROR_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(CollectorClient.class);

    /** Thrown when the collector refuses the write key: retrying cannot help. */
    static final class WriteKeyRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteKeyRejectedException(int status) {
            super("collector rejected the write key (HTTP " + status + ")");
        }
    }

    private final URI batchUri;
    private final String authorization;
    private final int batchSize;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    CollectorClient(URI collectorBaseUrl, String writeKey, int batchSize) {
        String base = collectorBaseUrl.toString();
        this.batchUri = URI.create((base.endsWith("/") ? base : base + "/") + "v1/batch");
        // Segment's convention: the write key is the user name, the password is empty.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.batchSize = batchSize;
    }

    DemoStats stats() {
        return new DemoStats(sent.get(), accepted.get(), duplicates.get(), rejected.get());
    }

    /**
     * Sends the events in as many requests as the limits need; blocks through retries until each is answered.
     *
     * @param live {@code originalTimestamp} (live) instead of {@code timestamp} (historical import)
     */
    void send(List<DemoEvent> events, boolean live) throws InterruptedException {
        List<byte[]> chunk = new ArrayList<>();
        int chunkBytes = ENVELOPE_BYTES;
        for (DemoEvent event : events) {
            byte[] bytes = json.writeValueAsBytes(event.toPayload(live));
            if (!chunk.isEmpty() && (chunk.size() == batchSize || chunkBytes + bytes.length + 1 > MAX_BODY_BYTES)) {
                post(chunk);
                chunk = new ArrayList<>();
                chunkBytes = ENVELOPE_BYTES;
            }
            chunk.add(bytes);
            chunkBytes += bytes.length + 1;
        }
        if (!chunk.isEmpty()) post(chunk);
    }

    private void post(List<byte[]> events) throws InterruptedException {
        sent.addAndGet(events.size());
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request(events), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                log.warn("demo shop: collector unreachable ({}), retrying in {}s", e.getClass().getSimpleName(),
                        backoff.toSeconds());
                Thread.sleep(backoff.toMillis());
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                tally(response.body(), events.size());
                return;
            }
            if (status == 401 || status == 403) throw new WriteKeyRejectedException(status);
            if (status == 503 || status == 429 || (status >= 500 && attempt < MAX_SERVER_ERROR_ATTEMPTS)) {
                Duration wait = max(retryAfter(response).orElse(backoff), MIN_RETRY_WAIT);
                log.info("demo shop: collector answered {}, retrying {} events in {} ms", status, events.size(),
                        wait.toMillis());
                Thread.sleep(wait.toMillis());
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                continue;
            }
            // The problem body describes our fake data and the schema, never real people, so it is safe to log.
            log.warn("demo shop: collector refused a batch of {} events with HTTP {}: {}", events.size(), status,
                    abbreviate(response.body()));
            rejected.addAndGet(events.size());
            return;
        }
    }

    private HttpRequest request(List<byte[]> events) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"batch\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) body.write(',');
            body.writeBytes(events.get(i));
        }
        // sentAt is the moment of this attempt: the collector uses it to correct the client's clock skew.
        body.writeBytes(("],\"sentAt\":\"" + DemoEvent.iso(Instant.now()) + "\"}").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(batchUri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    /** Counts per-event results; a 2xx without a readable {@code results} array means all were taken. */
    private void tally(String body, int count) {
        JsonNode results;
        try {
            results = json.readTree(body).path("results");
        } catch (RuntimeException unreadable) {
            results = null;
        }
        if (results == null || !results.isArray() || results.isEmpty()) {
            accepted.addAndGet(count);
            return;
        }
        for (JsonNode result : results) {
            String status = result.path("status").asString("accepted").toLowerCase();
            switch (status) {
                case "duplicate" -> duplicates.incrementAndGet();
                case "rejected", "error", "invalid" -> rejected.incrementAndGet();
                default -> accepted.incrementAndGet();
            }
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException httpDate) {
                return Optional.empty();
            }
        }).map(wait -> min(wait, MAX_BACKOFF));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
