package io.aftercart.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.gateway.Access;
import io.aftercart.gateway.AccessRules;
import io.aftercart.gateway.Role;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of the all-in-one, as Spring MVC itself lists them, against every role and anonymous: each route must
 * have a rule in {@link AccessRules} (a new endpoint without one fails here), and the running application must
 * answer each caller as the rule says — refused (401 or the sign-in redirect for anonymous, 403 for a role too low)
 * or let through (any other answer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = AftercartApplication.class,
        properties = {
                "aftercart.gateway.admin-password=" + AuthorizationMatrixIT.ADMIN_PASSWORD,
                "aftercart.gateway.user-rate-burst=100000",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthorizationMatrixIT {

    static final String ADMIN_PASSWORD = "matrix-admin-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final Set<String> API_PREFIXES = Set.of("/api/", "/v1/", "/v3/", "/actuator");

    private static Path dir;
    private static EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void kafkaAndDataDir(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("authorization-matrix");
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

    record Route(HttpMethod method, String pattern) {
    }

    @Test
    void everyRouteHasARuleAndTheRunningAppEnforcesItForEveryRole() throws Exception {
        List<Route> routes = routes();
        assertThat(routes).as("routes found").hasSizeGreaterThan(20);
        assertThat(routes).as("the matrix must see every service's routes")
                .extracting(Route::pattern)
                .contains("/v1/batch", "/api/v1/events", "/api/v1/kpis/orders", "/api/v1/customers/{customerId}",
                        "/api/v1/customers/{customerId}/contact", "/api/v1/admin/users", "/");

        List<String> withoutRule = new ArrayList<>();
        for (Route route : routes) {
            if (AccessRules.ruleFor(route.method(), samplePath(route.pattern())).isEmpty()) {
                withoutRule.add(route.method() + " " + route.pattern());
            }
        }
        assertThat(withoutRule).as("routes without a rule in AccessRules (add one)").isEmpty();

        Map<Role, String> tokens = tokensPerRole();
        String writeKey = writeKey();
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            String path = samplePath(route.pattern());
            Access access = AccessRules.ruleFor(route.method(), path).orElseThrow().access();
            if (access.kind() == Access.Kind.WRITE_KEY) {
                check(wrong, route, "write key", send(route.method(), path, "Basic " + basic(writeKey + ":")), true);
                continue;
            }
            HttpResponse<Void> anonymous = send(route.method(), path, null);
            if (access.kind() == Access.Kind.PUBLIC && anonymous.statusCode() == 403 && stateChanging(route.method())) {
                // a browser's change without a session's CSRF token is refused even on a public route: not an
                // authorisation answer, so only a 401 would contradict the rule here
                continue;
            }
            check(wrong, route, "anonymous", anonymous, access.kind() == Access.Kind.PUBLIC);
            for (Role role : Role.values()) {
                check(wrong, route, role.name(), send(route.method(), path, "Bearer " + tokens.get(role)),
                        access.kind() != Access.Kind.ROLE || access.admits(role));
            }
        }
        assertThat(wrong).as("answers that contradict AccessRules").isEmpty();
    }

    @Test
    void aRouteWithoutARuleIsDeniedToEveryone() throws Exception {
        String unruled = "/api/v1/not-a-route";
        assertThat(AccessRules.ruleFor(HttpMethod.GET, unruled)).isEmpty();
        assertThat(send(HttpMethod.GET, unruled, "Basic " + basic("admin:" + ADMIN_PASSWORD)).statusCode())
                .isEqualTo(403);
        assertThat(send(HttpMethod.GET, unruled, null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminScrapesThePrometheusMetrics() throws Exception {
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + basic("admin:" + ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("aftercart_store_duckdb_memory_bytes{tag=\"ART_INDEX\"}",
                "jvm_memory_used_bytes");
        assertThat(send(HttpMethod.GET, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/admin/users", "Basic " + basic("admin:" + ADMIN_PASSWORD),
                "{\"username\":\"scraping-analyst\",\"password\":\"password-of-scraping-analyst\","
                        + "\"role\":\"ANALYST\"}").statusCode()).isEqualTo(201);
        assertThat(send(HttpMethod.GET, "/actuator/prometheus",
                "Basic " + basic("scraping-analyst:password-of-scraping-analyst")).statusCode()).isEqualTo(403);
    }

    private static void check(List<String> wrong, Route route, String caller, HttpResponse<Void> response,
            boolean admitted) {
        int status = response.statusCode();
        boolean refused = status == 401 || status == 403 || isSignInRedirect(response, route);
        if (admitted == refused) {
            wrong.add(route.method() + " " + route.pattern() + " as " + caller + ": " + status + " but expected "
                    + (admitted ? "to pass" : "refusal"));
        }
    }

    /** Dashboard pages send anonymous browsers to the sign-in page instead of answering 401. */
    private static boolean isSignInRedirect(HttpResponse<Void> response, Route route) {
        return response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").endsWith("/login")
                && API_PREFIXES.stream().noneMatch(route.pattern()::startsWith);
    }

    private static boolean stateChanging(HttpMethod method) {
        return !Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS).contains(method);
    }

    private List<Route> routes() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Set<RequestMethod> effective = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
                        : methods;
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : effective) {
                        if (seen.add(method + " " + pattern)) {
                            routes.add(new Route(method.asHttpMethod(), pattern));
                        }
                    }
                }
            }
        }
        return routes;
    }

    /** A concrete path for a pattern: a variable's first alternative when it has a regex, else a sample value. */
    static String samplePath(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String regex = matcher.group(2);
            String value = regex == null ? "sample-1" : regex.split("\\|")[0].replaceAll("[^A-Za-z0-9._-]", "");
            matcher.appendReplacement(path, Matcher.quoteReplacement(value.isEmpty() ? "sample-1" : value));
        }
        matcher.appendTail(path);
        return path.toString().replace("/**", "/sample").replace("/*", "/sample");
    }

    private Map<Role, String> tokensPerRole() throws Exception {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        String admin = "Basic " + basic("admin:" + ADMIN_PASSWORD);
        for (Role role : Role.values()) {
            String user = "matrix-" + role.name().toLowerCase();
            String password = "password-of-" + user;
            HttpResponse<String> created = post("/api/v1/admin/users", admin,
                    "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> token = post("/api/v1/tokens", "Basic " + basic(user + ":" + password),
                    "{\"name\":\"matrix\"}");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
            tokens.put(role, json(token).get("token").asString());
        }
        return tokens;
    }

    private String writeKey() throws Exception {
        HttpResponse<String> created = post("/api/v1/admin/write-keys", "Basic " + basic("admin:" + ADMIN_PASSWORD),
                "{\"source\":\"matrix\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("writeKey").asString();
    }

    private HttpResponse<Void> send(HttpMethod method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        Optional.ofNullable(authorization).ifPresent(value -> request.header("Authorization", value));
        boolean withBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        request.header("Content-Type", "application/json").method(method.name(),
                withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String basic(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(UTF_8));
    }
}
