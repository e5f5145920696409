package io.aftercart.bench;

import io.aftercart.contracts.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * One random password for the app's {@code admin} account, given to the app under test both as the gateway's admin
 * password and as Spring Boot's default user. API calls carry an API token created with it when the app issues
 * tokens (a password is checked with a deliberately slow hash on every request, a token is not, so Basic on every call
 * would load the app more than the users it stands for), else the password as HTTP Basic. An app without
 * authentication ignores both, so the benchmarks run whether or not the API is protected.
 */
public record AdminCredentials(String user, String password) {

    public static AdminCredentials random() {
        return new AdminCredentials("admin", "bench-" + UUID.randomUUID());
    }

    /** Command-line arguments for the app under test. */
    public List<String> appArguments() {
        return List.of("--aftercart.gateway.admin-password=" + password,
                "--spring.security.user.name=" + user,
                "--spring.security.user.password=" + password);
    }

    /**
     * The {@code Authorization} header for API calls: {@code Bearer <token>} from {@code POST /api/v1/tokens} when
     * the app answers it, else {@link #authorization()}.
     */
    public String apiAuthorization(HttpClient http, URI baseUri) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(baseUri.resolve("/api/v1/tokens"))
                .header("Authorization", authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 201) {
            return "Bearer " + EventJson.mapper().readTree(created.body()).get("token").asString();
        }
        return authorization();
    }

    /** The {@code Authorization} header value for HTTP Basic. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
