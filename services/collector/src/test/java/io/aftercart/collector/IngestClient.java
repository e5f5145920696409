package io.aftercart.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;

/** Posts to a running collector over plain HTTP, the way the Segment SDKs do. */
final class IngestClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String writeKey;

    IngestClient(int port, String writeKey) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.writeKey = writeKey;
    }

    /** Authenticated with HTTP Basic (write key as user, empty password), as {@code application/json}. */
    HttpResponse<String> post(String path, Object body) {
        return send(request(path, body).header("Authorization", basic(writeKey)).build());
    }

    HttpRequest.Builder request(String path, Object body) {
        byte[] bytes = body instanceof byte[] raw ? raw : body instanceof String text ? text.getBytes(UTF_8)
                : EventJson.mapper().writeValueAsBytes(body);
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(UTF_8));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }
}
