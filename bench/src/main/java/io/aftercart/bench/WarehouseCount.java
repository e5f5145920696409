package io.aftercart.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** How many events the app's warehouse holds, from {@code GET /api/v1/events/counts}. */
final class WarehouseCount {

    private final HttpClient http;
    private final URI countsUri;
    private final String authorization;

    WarehouseCount(HttpClient http, URI baseUri, String authorization) {
        this.http = http;
        this.countsUri = baseUri.resolve("/api/v1/events/counts");
        this.authorization = authorization;
    }

    long total() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(countsUri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + countsUri + " answered " + response.statusCode());
        }
        String body = response.body();
        int at = body.lastIndexOf("\"total\":");
        return Long.parseLong(body.substring(at + "\"total\":".length()).replaceAll("\\D.*", ""));
    }

    /**
     * How the warehouse caught up after a load ended.
     *
     * @param lagAtStart events accepted but not yet stored when the wait began
     * @param seconds    how long the wait took
     * @param lagAtEnd   events still missing when the wait ended
     */
    record Drain(long lagAtStart, double seconds, long lagAtEnd) {

        /** Whether the warehouse held every accepted event within the timeout. */
        boolean caughtUp() {
            return lagAtEnd <= 0;
        }
    }

    /** Polls until the warehouse holds {@code accepted} events, or the timeout passed. */
    Drain drain(long accepted, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long stored = total();
        long lagAtStart = accepted - stored;
        while (stored < accepted && System.nanoTime() < deadline) {
            Thread.sleep(200);
            stored = total();
        }
        return new Drain(lagAtStart, (System.nanoTime() - start) / 1e9, accepted - stored);
    }
}
