package io.aftercart.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import io.aftercart.platform.security.WriteKeyDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway alone as a real web app on a real broker and store: CSRF on session changes, a new session id at
 * sign-in, lock-out after failed sign-ins (form and HTTP Basic), token revocation, rate limits with Retry-After, and
 * managed write keys reaching the write-key directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = GatewaySecurityIT.TestApp.class,
        properties = {
                "aftercart.services=gateway",
                "aftercart.gateway.admin-password=" + GatewaySecurityIT.ADMIN_PASSWORD,
                "aftercart.gateway.max-login-failures=3",
                "aftercart.gateway.lockout=10m",
                "aftercart.gateway.user-rate-per-second=0.2",
                "aftercart.gateway.user-rate-burst=25",
                "aftercart.gateway.ingest-rate-per-second=0.2",
                "aftercart.gateway.ingest-rate-burst=3",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GatewaySecurityIT {

    static final String ADMIN_PASSWORD = "gateway-it-admin-pw";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private static Path dir;
    private static EmbeddedKafkaBroker broker;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApp {
    }

    @DynamicPropertySource
    static void kafkaAndDataDir(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("gateway-it");
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
        registry.add("aftercart.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("aftercart.data-dir", () -> dir.resolve("data").toString());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WriteKeyDirectory writeKeys;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signingInGivesANewSessionIdAndASessionChangeNeedsTheCsrfToken() throws Exception {
        String user = newUser(Role.VIEWER);
        HttpResponse<String> loginPage = get("/login", null, null);
        String before = session(loginPage);
        String token = csrf(loginPage.body());

        HttpResponse<String> withoutToken = form("/login", before, "username=" + user + "&password=" + password(user));
        assertThat(withoutToken.statusCode()).as("a sign-in form without its CSRF token").isEqualTo(403);

        HttpResponse<String> signedIn = form("/login", before,
                "username=" + user + "&password=" + password(user) + "&_csrf=" + enc(token));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = session(signedIn);
        assertThat(after).as("session id after sign-in").isNotEqualTo(before);
        assertThat(get("/api/v1/me", after, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", before, null).statusCode()).as("the pre-sign-in session id is dead")
                .isEqualTo(401);

        HttpResponse<String> forged = send("POST", "/api/v1/tokens", after, null, "{\"name\":\"forged\"}");
        assertThat(forged.statusCode()).as("a session change without the CSRF token").isEqualTo(403);
        String pageToken = csrfMeta(get("/", after, null).body());
        HttpResponse<String> genuine = http.send(request("/api/v1/tokens", after, null)
                .header("X-CSRF-TOKEN", pageToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"genuine\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(genuine.statusCode()).isEqualTo(201);
    }

    @Test
    void repeatedFailuresLockTheAccountForFormAndBasicAlike() throws Exception {
        String user = newUser(Role.ANALYST);
        String basicRight = basic(user + ":" + password(user));
        assertThat(get("/api/v1/me", null, basicRight).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/me", null, basic(user + ":wrong-password")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = get("/api/v1/me", null, basicRight);
        assertThat(locked.statusCode()).as("the right password while locked").isEqualTo(401);
        assertThat(json(locked).get("title").asString()).isEqualTo("Account locked");

        HttpResponse<String> loginPage = get("/login", null, null);
        HttpResponse<String> form = form("/login", session(loginPage), "username=" + user + "&password="
                + password(user) + "&_csrf=" + enc(csrf(loginPage.body())));
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");

        HttpResponse<String> unlock = send("PATCH", "/api/v1/admin/users/" + user, null, admin(),
                "{\"password\":\"" + password(user) + "\"}");
        assertThat(unlock.statusCode()).as("an admin resetting the password lifts the lock").isEqualTo(200);
        assertThat(get("/api/v1/me", null, basicRight).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        String user = newUser(Role.ANALYST);
        JsonNode created = json(send("POST", "/api/v1/tokens", null, basic(user + ":" + password(user)),
                "{\"name\":\"script\"}"));
        String bearer = "Bearer " + created.get("token").asString();
        assertThat(get("/api/v1/me", null, bearer).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/v1/tokens", null, bearer)).toString())
                .doesNotContain(created.get("token").asString());

        assertThat(send("DELETE", "/api/v1/tokens/" + created.get("id").asString(), null, bearer, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> after = get("/api/v1/me", null, bearer);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(after).get("title").asString()).isEqualTo("Invalid token");
    }

    @Test
    void aTokenActsWithItsUsersCurrentRoleAndNotOnceHeIsDisabled() throws Exception {
        String user = newUser(Role.ANALYST);
        String bearer = "Bearer " + json(send("POST", "/api/v1/tokens", null, basic(user + ":" + password(user)),
                "{\"name\":\"script\"}")).get("token").asString();
        assertThat(get("/api/v1/me", null, bearer).body()).contains("ROLE_ANALYST");

        assertThat(send("PATCH", "/api/v1/admin/users/" + user, null, admin(), "{\"role\":\"viewer\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> demoted = get("/api/v1/me", null, bearer);
        assertThat(demoted.body()).contains("ROLE_VIEWER").doesNotContain("ROLE_ANALYST");

        assertThat(send("PATCH", "/api/v1/admin/users/" + user, null, admin(), "{\"enabled\":false}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> disabled = get("/api/v1/me", null, bearer);
        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(json(disabled).get("title").asString()).isEqualTo("Invalid token");
    }

    @Test
    void aUserOverHisRateGets429WithRetryAfter() throws Exception {
        String user = newUser(Role.VIEWER);
        String bearer = "Bearer " + json(send("POST", "/api/v1/tokens", null, basic(user + ":" + password(user)),
                "{\"name\":\"busy\"}")).get("token").asString();
        HttpResponse<String> last = null;
        for (int i = 0; i < 30 && (last == null || last.statusCode() != 429); i++) {
            last = get("/api/v1/me", null, bearer);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 10);
        assertThat(json(last).get("title").asString()).isEqualTo("Too many requests");
        assertThat(get("/api/v1/me", null, admin()).statusCode()).as("other callers are not held back")
                .isEqualTo(200);
    }

    @Test
    void managedWriteKeysReachTheDirectoryAndIngestIsLimitedPerKey() throws Exception {
        JsonNode created = json(send("POST", "/api/v1/admin/write-keys", null, admin(), "{\"source\":\"shop\"}"));
        String key = created.get("writeKey").asString();
        assertThat(writeKeys.sourceOf(key)).contains("shop");
        assertThat(send("GET", "/api/v1/admin/write-keys", null, admin(), null).body()).doesNotContain(key);

        String sdk = basic(key + ":");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(send("POST", "/v1/track", null, sdk, "{}").statusCode());
        }
        assertThat(statuses.subList(0, 3)).as("no collector runs here: passed on, then not found")
                .containsOnly(404);
        assertThat(statuses.get(3)).isEqualTo(429);
        assertThat(send("POST", "/v1/track", null, basic("wk_other:"), "{}").statusCode())
                .as("another key has its own bucket").isEqualTo(404);

        assertThat(send("DELETE", "/api/v1/admin/write-keys/" + created.get("id").asString(), null, admin(), null)
                .statusCode()).isEqualTo(204);
        assertThat(writeKeys.sourceOf(key)).isEmpty();
    }

    @Test
    void requestIdsAreKeptWhenWellFormedAndMadeOtherwise() throws Exception {
        HttpResponse<String> given = http.send(request("/actuator/health", null, null)
                .header("X-Request-Id", "abc-123").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(given.headers().firstValue("X-Request-Id")).contains("abc-123");
        HttpResponse<String> made = http.send(request("/actuator/health", null, null)
                .header("X-Request-Id", "bad id\twith spaces").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(made.headers().firstValue("X-Request-Id").orElseThrow()).hasSize(36).doesNotContain(" ");
    }

    private String newUser(Role role) throws Exception {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send("POST", "/api/v1/admin/users", null, admin(), "{\"username\":\"" + user
                + "\",\"password\":\"" + password(user) + "\",\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return user;
    }

    private static String password(String user) {
        return "pw-of-" + user;
    }

    private static String admin() {
        return basic("admin:" + ADMIN_PASSWORD);
    }

    private HttpRequest.Builder request(String path, String session, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (session != null) {
            builder.header("Cookie", "JSESSIONID=" + session);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> get(String path, String session, String authorization) throws Exception {
        return http.send(request(path, session, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String session, String authorization, String body)
            throws Exception {
        return http.send(request(path, session, authorization).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String session, String body) throws Exception {
        return http.send(request(path, session, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("CSRF field in the sign-in form").isTrue();
        return matcher.group(1);
    }

    private static String csrfMeta(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("CSRF meta tag in the page").isTrue();
        return matcher.group(1);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, UTF_8);
    }
}
