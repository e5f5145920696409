package io.aftercart.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher started in this JVM as one process of a distributed deployment: the named services on a random port
 * of 127.0.0.1, an external broker and a data folder of its own. Its calls assert the expected status and that every
 * refusal or error answers with RFC 9457 problem JSON.
 */
final class LaunchedApp implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private LaunchedApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    static LaunchedApp start(String bootstrapServers, Path dataDir, String services, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--services=" + services,
                "--aftercart.kafka.bootstrap-servers=" + bootstrapServers,
                "--aftercart.data-dir=" + dataDir));
        arguments.addAll(Arrays.asList(extraArguments));
        return new LaunchedApp(new SpringApplicationBuilder(AftercartApplication.class)
                .run(AftercartApplication.launcherArguments(arguments.toArray(String[]::new))));
    }

    String baseUrl() {
        return base;
    }

    /** A GET with the given header name/value pairs; the body read as JSON. */
    JsonNode get(String pathAndQuery, int expectedStatus, String... headers) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null, expectedStatus, headers);
    }

    /** A POST of a JSON body with the given header name/value pairs; the body read as JSON. */
    JsonNode post(String path, String json, int expectedStatus, String... headers)
            throws IOException, InterruptedException {
        return send("POST", path, json, expectedStatus, headers);
    }

    private JsonNode send(String method, String pathAndQuery, String json, int expectedStatus, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + pathAndQuery + " -> " + response.body())
                .isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("problem JSON for " + method + " " + pathAndQuery).contains("application/problem+json");
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    @Override
    public void close() {
        context.close();
    }
}
