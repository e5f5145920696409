package io.aftercart.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.Topics;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of generated malformed and hostile requests against every collector endpoint, with good batches
 * interleaved: no answer is a 5xx, every 4xx is a problem document, the app stays healthy, and every good event
 * — and every event any answer reported as accepted — is in the warehouse.
 */
class HostileInputIT {

    private static final long SEED = 4_242L;
    private static final int CLIENTS = 4;
    private static final int REQUESTS_PER_CLIENT = 2_600;
    private static final int GOOD_EVERY = 25;
    private static final int GOOD_BATCH_SIZE = 5;
    private static final int GOOD_CUSTOMERS_PER_CLIENT = 10;

    private Path dataDir;
    private InProcessApp app;

    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final Queue<String> notProblems = new ConcurrentLinkedQueue<>();
    private final Queue<String> transportErrors = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> goodIdsByCustomer = new ConcurrentHashMap<>();
    private final AtomicLong acceptedByAnyAnswer = new AtomicLong();
    private final AtomicLong connectionRetries = new AtomicLong();

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @Test
    void hostileInputNeverBreaksTheCollectorNorLosesGoodEvents() throws Exception {
        dataDir = Files.createTempDirectory("aftercart-hostile-");
        app = InProcessApp.start(dataDir);
        AppHttp http = app.http();

        Instant start = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            running.add(clients.submit(() -> {
                runClient(http, id);
                return null;
            }));
        }
        try {
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        long requests = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("Hostile input: %d requests in %d s, by status %s; %d retried on a closed connection, "
                + "%d transport errors%n", requests, Duration.between(start, Instant.now()).toSeconds(),
                new TreeMap<>(statuses), connectionRetries.get(), transportErrors.size());
        serverErrors.stream().limit(20).forEach(error -> System.out.println("5xx: " + error));
        notProblems.stream().limit(20).forEach(error -> System.out.println("not a problem document: " + error));
        transportErrors.stream().limit(20).forEach(error -> System.out.println("transport error: " + error));

        assertThat(requests).isGreaterThanOrEqualTo(10_000);
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(notProblems).as("4xx answers that are not RFC 9457 problem JSON").isEmpty();
        assertThat(transportErrors).as("requests the server dropped without an answer").isEmpty();
        assertThat(statuses.keySet()).as("a fuzzer that never gets past parsing tests little").contains(200, 400, 401);
        assertThat(http.healthy()).as("health after the storm").isTrue();

        WarehouseApi warehouse = new WarehouseApi(http);
        AssertionError missing = null;
        try {
            warehouse.awaitExactTotal(null, acceptedByAnyAnswer.get(), Duration.ofSeconds(90), Duration.ofSeconds(2));
        } catch (AssertionError e) {
            missing = e;
        }
        List<DeadLetterTopic.DeadLetter> acceptedButUnreadable = DeadLetterTopic.readAll(app.kafkaBootstrapServers())
                .stream().filter(letter -> Topics.EVENTS.topicName().equals(letter.source())).toList();
        acceptedButUnreadable.forEach(letter -> System.out.println("accepted, then dead-lettered: " + letter));
        assertThat(acceptedButUnreadable).as("accepted events that a consumer could not read back").isEmpty();
        if (missing != null) {
            throw missing;
        }
        for (Map.Entry<String, Set<String>> customer : goodIdsByCustomer.entrySet()) {
            assertThat(warehouse.customerEvents(customer.getKey(), 500))
                    .extracting(WarehouseApi.StoredEvent::id)
                    .as("good events of %s", customer.getKey())
                    .containsExactlyInAnyOrderElementsOf(customer.getValue());
        }
        assertWarehouseQueriesSurviveHostileParameters(http);
    }

    private void runClient(AppHttp http, int client) throws InterruptedException {
        HostileRequests hostile = new HostileRequests(SEED + client, http.writeKey(), http.basicAuth());
        SampleEvents good = new SampleEvents(SEED * 31 + client, "good-c" + client);
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            if (i % GOOD_EVERY == 0) {
                int customer = (i / GOOD_EVERY) % GOOD_CUSTOMERS_PER_CLIENT;
                sendGoodBatch(http, good, "good-customer-" + client + "-" + customer);
            }
            HostileRequests.HostileRequest request = hostile.next();
            try {
                record(request.toString(), postRetryingOnce(http, request));
            } catch (IOException e) {
                transportErrors.add(e + " for " + request);
            }
        }
    }

    /**
     * A pooled keep-alive connection may be closed by the server just as the client reuses it (Tomcat closes a
     * connection after refusing oversized headers); like any HTTP client, retry such a request once.
     */
    private AppHttp.Reply postRetryingOnce(AppHttp http, HostileRequests.HostileRequest request)
            throws IOException, InterruptedException {
        try {
            return http.post(request.path(), request.body(), request.headers());
        } catch (IOException e) {
            connectionRetries.incrementAndGet();
            return http.post(request.path(), request.body(), request.headers());
        }
    }

    private void sendGoodBatch(AppHttp http, SampleEvents good, String customer) throws InterruptedException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < GOOD_BATCH_SIZE; i++) {
            ObjectNode event = good.segmentTrack(customer, good.randomTrackName());
            ids.add(event.path("messageId").asString());
            body.withArray("batch").add(event);
        }
        try {
            AppHttp.Reply reply = http.ingest("/v1/batch", body);
            record("good batch", reply);
            assertThat(reply.status()).as("good batch: %s", reply.text()).isEqualTo(200);
            assertThat(reply.json().path("accepted").asInt()).as(reply.text()).isEqualTo(GOOD_BATCH_SIZE);
            goodIdsByCustomer.computeIfAbsent(customer, c -> ConcurrentHashMap.newKeySet()).addAll(ids);
        } catch (IOException e) {
            transportErrors.add(e + " for a good batch");
        }
    }

    private void record(String request, AppHttp.Reply reply) {
        statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
        if (reply.status() >= 500) {
            serverErrors.add(reply.status() + " " + reply.text() + " <- " + request);
        } else if (reply.status() >= 400 && !isProblem(reply)) {
            notProblems.add(reply.status() + " " + reply.contentType() + " " + reply.text() + " <- " + request);
        } else if (reply.status() == 200) {
            acceptedByAnyAnswer.addAndGet(reply.json().path("accepted").asLong());
        }
    }

    /** RFC 9457: {@code application/problem+json} whose {@code status} repeats the HTTP status, with a title. */
    private static boolean isProblem(AppHttp.Reply reply) {
        if (!reply.contentType().startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = reply.json();
            return problem.path("status").asInt() == reply.status() && problem.path("title").isString();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The warehouse's read API takes text parameters too: hostile ones are answered 200 or 400, never 5xx. */
    private void assertWarehouseQueriesSurviveHostileParameters(AppHttp http) throws Exception {
        List<String> values = List.of("'; DROP TABLE events; --", "<script>", "\u0000", "9".repeat(400), "-1",
                "0", "1e999", "NaN", "2025-13-45T99:99:99Z", "%", "../", "😀", "x".repeat(5_000), " ");
        for (String value : values) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (String query : List.of("/api/v1/events?customerId=" + encoded,
                    "/api/v1/events?customerId=c&limit=" + encoded, "/api/v1/events?customerId=c&cursor=" + encoded,
                    "/api/v1/events?customerId=c&type=" + encoded, "/api/v1/events/counts?since=" + encoded,
                    "/api/v1/events/counts?until=" + encoded)) {
                AppHttp.Reply reply = http.get(query);
                assertThat(reply.status()).as("%s -> %s", query, reply.text()).isIn(200, 400);
                if (reply.status() == 400) {
                    assertThat(isProblem(reply)).as("%s -> %s", query, reply.text()).isTrue();
                }
            }
        }
    }
}
