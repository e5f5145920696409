package io.aftercart.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * JSON calls to a service started on a random port, each asserting the expected status, and that an error answers
 * with RFC 9457 problem JSON.
 */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static ApiClient of(ConfigurableApplicationContext app) {
        return new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    public JsonNode get(String pathAndQuery, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)), expectedStatus);
    }

    /** A POST with a JSON body, or with none when {@code json} is null. */
    public JsonNode post(String path, String json, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request, expectedStatus);
    }

    private JsonNode send(HttpRequest.Builder builder, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.method() + " " + request.uri() + " -> " + response.body())
                .isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        return EventJson.mapper().readTree(response.body());
    }
}
