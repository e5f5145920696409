package io.aftercart.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kill -9 of the all-in-one while clients stream events: after a restart on the same data directory, with the
 * clients re-sending every batch that was not acknowledged (same messageIds, as an SDK does), every event whose
 * request was answered 200 is in the warehouse exactly once, and nothing else is.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 4;
    private static final int BATCHES_PER_CLIENT = 50;
    private static final int EVENTS_PER_BATCH = 50;
    private static final int TOTAL_EVENTS = CLIENTS * BATCHES_PER_CLIENT * EVENTS_PER_BATCH;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CLIENT_DEADLINE = Duration.ofMinutes(4);

    private Path workDir;
    private AppProcess app;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failedAttempts = new AtomicInteger();

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (workDir != null) {
            FileSystemUtils.deleteRecursively(workDir.toFile());
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillNineExactlyOnce() throws Exception {
        workDir = Files.createTempDirectory("aftercart-crash-");
        Path dataDir = workDir.resolve("data");
        app = new AppProcess(AppProcess.jarFromSystemProperty(), dataDir, "crash-test-key");
        app.start(START_TIMEOUT);
        AppHttp http = app.http();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        Instant clientDeadline = Instant.now().plus(CLIENT_DEADLINE);
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            running.add(clients.submit(() -> {
                streamBatches(http, id, clientDeadline);
                return null;
            }));
        }
        try {
            awaitAcknowledged(TOTAL_EVENTS / 3, Duration.ofSeconds(120));
            int beforeKill = acknowledged.size();
            app.kill();
            System.out.printf("Crash: killed with SIGKILL after %d of %d events were acknowledged%n",
                    beforeKill, TOTAL_EVENTS);
            Thread.sleep(1_000);
            Instant restart = Instant.now();
            app.start(START_TIMEOUT);
            System.out.printf("Crash: restarted in %d ms%n", Duration.between(restart, Instant.now()).toMillis());
            for (Future<?> client : running) {
                client.get(CLIENT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("Crash: %d events acknowledged, %d failed attempts re-sent%n",
                acknowledged.size(), failedAttempts.get());
        assertThat(acknowledged).hasSize(TOTAL_EVENTS);
        assertThat(failedAttempts.get()).as("requests that failed while the app was down").isPositive();

        new WarehouseApi(http).awaitExactTotal(null, TOTAL_EVENTS, Duration.ofSeconds(120), Duration.ofSeconds(3));
        app.stop(Duration.ofSeconds(60));
        assertWarehouseFileHoldsEachAcknowledgedIdOnce(dataDir.resolve("analytics.duckdb"));
    }

    /** One client: its batches in order, each re-sent with the same messageIds until it is answered 200. */
    private void streamBatches(AppHttp http, int client, Instant deadline) throws InterruptedException {
        SampleEvents events = new SampleEvents(1_000 + client, "crash-c" + client);
        for (int batchNo = 0; batchNo < BATCHES_PER_CLIENT; batchNo++) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                ObjectNode message = events.segmentTrack("crash-customer-" + client + "-" + (i % 10),
                        events.randomTrackName());
                ids.add(message.path("messageId").asString());
                body.withArray("batch").add(message);
            }
            while (!send(http, body)) {
                failedAttempts.incrementAndGet();
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("client " + client + " could not deliver batch " + batchNo);
                }
                Thread.sleep(250);
            }
            acknowledged.addAll(ids);
        }
    }

    private static boolean send(AppHttp http, ObjectNode body) throws InterruptedException {
        try {
            AppHttp.Reply reply = http.ingest("/v1/batch", body);
            if (reply.status() == 200) {
                assertThat(reply.json().path("rejected").asInt()).as(reply.text()).isZero();
                return true;
            }
            assertThat(reply.status()).as("only an unavailable app may refuse a batch: %s", reply.text())
                    .isEqualTo(503);
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.size() < count) {
            assertThat(Instant.now()).as("%d events acknowledged in time", count).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** Reads the stopped app's DuckDB warehouse file directly: each acknowledged id once, no other ids. */
    private void assertWarehouseFileHoldsEachAcknowledgedIdOnce(Path file) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
             Statement statement = connection.createStatement()) {
            try (ResultSet doubled = statement.executeQuery(
                    "SELECT id, count(*) FROM events GROUP BY id HAVING count(*) > 1 LIMIT 10")) {
                List<String> duplicates = new ArrayList<>();
                while (doubled.next()) {
                    duplicates.add(doubled.getString(1) + " x" + doubled.getLong(2));
                }
                assertThat(duplicates).as("ids stored more than once").isEmpty();
            }
            Set<String> stored = new HashSet<>();
            try (ResultSet ids = statement.executeQuery("SELECT id FROM events")) {
                while (ids.next()) {
                    stored.add(ids.getString(1));
                }
            }
            assertThat(stored).as("stored ids").hasSize(TOTAL_EVENTS).containsAll(acknowledged);
        }
    }
}
