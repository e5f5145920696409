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

    /** Polls until the warehouse holds {@code expected} events; false when the timeout passed first. */
    boolean awaitAtLeast(long expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (total() >= expected) {
                return true;
            }
            Thread.sleep(200);
        }
        return total() >= expected;
    }
}
