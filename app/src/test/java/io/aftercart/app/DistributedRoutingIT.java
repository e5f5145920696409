package io.aftercart.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.testing.ServiceTestRig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The distributed mode in one JVM: one process runs only the gateway, another only analytics, on one broker, each
 * with its data folder, sharing the forward secret. The gateway authenticates and authorises, then forwards the
 * warehouse's paths (query included) to the analytics process, which answers only requests that carry the secret,
 * apart from ingest and health.
 */
class DistributedRoutingIT {

    private static final String SECRET = "s3cret";
    private static final String SECRET_HEADER = "X-Aftercart-Gateway";
    private static final String ADMIN_PASSWORD = "distributed-admin-password";
    private static final String AUTHORIZATION = "Authorization";
    private static final String ADMIN = basic("admin", ADMIN_PASSWORD);
    private static final Instant JUNE = Instant.parse("2025-06-02T10:00:00Z");

    @TempDir
    static Path dir;

    private static ServiceTestRig rig;
    private static LaunchedApp analytics;
    private static LaunchedApp gateway;

    @BeforeAll
    static void start() {
        rig = ServiceTestRig.start(dir);
        analytics = LaunchedApp.start(rig.bootstrapServers(), dir.resolve("analytics"), "analytics",
                "--aftercart.gateway.forward-secret=" + SECRET);
        gateway = LaunchedApp.start(rig.bootstrapServers(), dir.resolve("gateway"), "gateway",
                "--aftercart.gateway.forward-secret=" + SECRET,
                "--aftercart.gateway.routes.analytics=" + analytics.baseUrl(),
                "--aftercart.gateway.admin-password=" + ADMIN_PASSWORD);
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event("identify", "c-" + i, JUNE.plusSeconds(i)));
        }
        events.add(event("page", "c-1", JUNE.plusSeconds(60)));
        events.add(event("page", "c-2", JUNE.minusSeconds(86_400 * 60L)));
        rig.produceEvents(events);
        rig.awaitAllConsumed("analytics", Topics.EVENTS);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (analytics != null) {
            analytics.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void anAuthorisedCallIsForwardedWithItsQueryAndAnswered() throws Exception {
        JsonNode all = gateway.get("/api/v1/events/counts", 200, AUTHORIZATION, ADMIN);
        assertThat(all.get("total").asLong()).isEqualTo(5);
        assertThat(all.get("byType").get("identify").asLong()).isEqualTo(3);
        assertThat(all.get("byType").get("page").asLong()).isEqualTo(2);

        JsonNode june = gateway.get("/api/v1/events/counts?since=2025-06-01T00:00:00Z", 200, AUTHORIZATION, ADMIN);
        assertThat(june.get("total").asLong()).as("the query string reaches analytics").isEqualTo(4);

        JsonNode timeline = gateway.get("/api/v1/events?customerId=c-1", 200, AUTHORIZATION, ADMIN);
        assertThat(timeline.get("events")).extracting(event -> event.get("type").asString())
                .containsExactly("identify", "page");

        assertThat(gateway.get("/api/v1/kpis/orders", 200, AUTHORIZATION, ADMIN).isObject()).isTrue();
    }

    @Test
    void theGatewayRefusesBeforeForwarding() throws Exception {
        assertThat(gateway.get("/api/v1/events/counts", 401).get("title").asString())
                .isEqualTo("Authentication required");
        gateway.get("/api/v1/events/counts", 401, SECRET_HEADER, SECRET);

        String viewer = newUser("viewer");
        assertThat(gateway.get("/api/v1/events/counts", 200, AUTHORIZATION, viewer).get("total").asLong())
                .isEqualTo(5);
        gateway.get("/api/v1/events?customerId=c-1", 403, AUTHORIZATION, viewer);
    }

    @Test
    void aClientsOwnSecretHeaderIsReplacedByTheGateway() throws Exception {
        assertThat(gateway.get("/api/v1/events/counts", 200, AUTHORIZATION, ADMIN, SECRET_HEADER, "guessed")
                .get("total").asLong()).isEqualTo(5);
    }

    @Test
    void analyticsAnswersOnlyRequestsCarryingTheSecret() throws Exception {
        JsonNode refused = analytics.get("/api/v1/events/counts", 401);
        assertThat(refused.get("title").asString()).isEqualTo("Through the gateway only");
        analytics.get("/api/v1/events/counts", 401, SECRET_HEADER, "guessed");
        analytics.get("/api/v1/events?customerId=c-1", 401, AUTHORIZATION, ADMIN);

        assertThat(analytics.get("/api/v1/events/counts", 200, SECRET_HEADER, SECRET).get("total").asLong())
                .isEqualTo(5);
    }

    @Test
    void ingestAndHealthStayOpenOnTheBackend() throws Exception {
        assertThat(analytics.get("/actuator/health", 200).get("status").asString()).isEqualTo("UP");
        // past the secret check: no collector runs in this process, so nothing answers these paths
        analytics.post("/v1/track", "{}", 404);
        analytics.post("/api/v1/events", "{}", 405);
    }

    private static String newUser(String role) throws Exception {
        String name = "distributed-" + role;
        gateway.post("/api/v1/admin/users", "{\"username\":\"" + name + "\",\"password\":\"password-of-" + name
                + "\",\"role\":\"" + role + "\"}", 201, AUTHORIZATION, ADMIN);
        return basic(name, "password-of-" + name);
    }

    private static CanonicalEvent event(String type, String customerId, Instant time) {
        return new CanonicalEvent("distributed-" + type + "-" + customerId + "-" + time.getEpochSecond(), type, null,
                "distributed-it", time, time, customerId, null, EventJson.mapper().createObjectNode(),
                EventJson.mapper().createObjectNode());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }
}
