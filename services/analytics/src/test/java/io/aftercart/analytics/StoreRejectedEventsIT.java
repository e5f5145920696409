package io.aftercart.analytics;

import static io.aftercart.analytics.TestEvents.T0;
import static io.aftercart.analytics.TestEvents.event;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterHeaders;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.testing.ServiceTestRig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The analytics service on PostgreSQL (a database of its own per run, at 127.0.0.1:5432) against a real embedded
 * broker: events whose values PostgreSQL refuses (a NUL character in a text column) go to the dead-letter topic as
 * {@code STORE_REJECTED}, while every other event of their polls is stored and the partition moves on.
 */
class StoreRejectedEventsIT {

    private static final String SERVER = System.getProperty("aftercart.test.postgres.server",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DATABASE = "analytics_it_" + UUID.randomUUID().toString().replace("-", "");

    @TempDir
    static Path dir;

    private static ServiceTestRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = ServiceTestRig.start(dir);
        execute("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void deadLettersWhatTheStoreRefusesAndStoresTheRest() throws Exception {
        List<CanonicalEvent> good = IntStream.range(0, 40)
                .mapToObj(i -> event("ev-" + i, "cust-" + (i % 4), "Order Completed", T0.plusSeconds(i))).toList();
        // a NUL is fine in the JSON properties (escaped) but PostgreSQL refuses it in a text column
        CanonicalEvent nulInType = event("bad-type", "cust-1", "Order\u0000Completed", T0.plusSeconds(100));
        CanonicalEvent nulInCustomer = event("bad-customer", "cust-\u00002", "Order Completed", T0.plusSeconds(101));
        List<CanonicalEvent> all = new ArrayList<>(good.subList(0, 20));
        all.add(nulInType);
        all.addAll(good.subList(20, 30));
        all.add(nulInCustomer);
        all.addAll(good.subList(30, 40));

        try (ConfigurableApplicationContext app = rig.startService("analytics",
                "--aftercart.store.url=" + SERVER + DATABASE, "--aftercart.store.username=postgres")) {
            rig.produceEvents(all);
            rig.awaitAllConsumed("analytics", Topics.EVENTS);

            assertThat(app.getBean(EventWarehouse.class).count()).isEqualTo(good.size());
            List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(2);
            assertThat(deadLetters).extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON)
                    .value(), UTF_8)).containsOnly("STORE_REJECTED");
            assertThat(deadLetters).extracting(r -> EventJson.read(r.value()).id())
                    .containsExactlyInAnyOrder("bad-type", "bad-customer");
            assertThat(deadLetters).extracting(r -> new String(r.headers().lastHeader(DeadLetterHeaders.DETAIL)
                    .value(), UTF_8)).allMatch(detail -> detail.contains("SQLSTATE 22"));
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rig.consumer(Topics.DEAD_LETTER)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.size() >= expected;
            });
        }
        return letters;
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + "test", "postgres", null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
