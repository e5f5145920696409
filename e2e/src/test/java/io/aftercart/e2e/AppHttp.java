package io.aftercart.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app's HTTP interface as a client sees it: raw requests in, status, content type and body out. */
final class AppHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The built-in admin's password the tests start the app with; reads of the API need a signed-in user. */
    static final String ADMIN_PASSWORD = "e2e-admin-password";

    private final URI base;
    private final String writeKey;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    AppHttp(URI base, String writeKey) {
        this.base = base;
        this.writeKey = writeKey;
    }

    /** One answer: status, {@code Content-Type} (or empty) and body bytes. */
    record Reply(int status, String contentType, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, UTF_8);
        }
    }

    String writeKey() {
        return writeKey;
    }

    String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(UTF_8));
    }

    /** Posts JSON with the write key, as an SDK does. */
    Reply ingest(String path, JsonNode body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsBytes(body),
                Map.of("Content-Type", "application/json", "Authorization", basicAuth()));
    }

    Reply post(String path, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    Reply get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + ADMIN_PASSWORD).getBytes(UTF_8)))
                .GET().build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** True once {@code /actuator/health} answers UP. */
    boolean healthy() {
        try {
            Reply reply = get("/actuator/health");
            return reply.status() == 200 && "UP".equals(reply.json().path("status").asString());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
