package io.aftercart.analytics;

import static io.aftercart.analytics.TestEvents.T0;
import static io.aftercart.analytics.TestEvents.event;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterHeaders;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.testing.ApiClient;
import io.aftercart.platform.testing.ServiceTestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The analytics service in a minimal Boot app against a real embedded Kafka broker and a DuckDB store: events go
 * from {@code aftercart.events} into the warehouse exactly once (also across a restart with redelivery), garbage goes
 * to the dead-letter topic, and the HTTP API answers.
 */
class EventWarehouseKafkaIT {

    private static final int CUSTOMERS = 10;
    private static final int EVENTS_PER_CUSTOMER = 30;
    private static final byte[] GARBAGE = "{not json".getBytes(UTF_8);

    @TempDir
    static Path dir;

    private static ServiceTestRig rig;

    @BeforeAll
    static void startBroker() {
        rig = ServiceTestRig.start(dir);
    }

    @AfterAll
    static void stopBroker() {
        rig.close();
    }

    @Test
    void storesEachEventOnceDeadLettersGarbageAndAnswersTheApi() throws Exception {
        List<CanonicalEvent> events = IntStream.range(0, CUSTOMERS * EVENTS_PER_CUSTOMER)
                .mapToObj(i -> event("ev-" + i, "cust-" + (i % CUSTOMERS),
                        i % 3 == 0 ? "Order Shipped" : "Order Completed", T0.plusSeconds(i)))
                .toList();
        List<CanonicalEvent> withDuplicates = new ArrayList<>(events);
        withDuplicates.addAll(events.subList(0, 25)); // a producer retrying part of its output

        try (ConfigurableApplicationContext app = rig.startService("analytics")) {
            rig.produceEvents(withDuplicates);
            rig.produce(Topics.EVENTS, "cust-1", GARBAGE);
            rig.awaitAllConsumed("analytics", Topics.EVENTS);
            EventWarehouse warehouse = app.getBean(EventWarehouse.class);
            assertThat(warehouse.count()).isEqualTo(events.size());
            assertThat(deadLetterReasons()).containsExactly("UNPARSEABLE");
            assertApiAnswers(ApiClient.of(app), events);
        }

        // as if the offsets had never been committed: everything is redelivered
        rig.rewindToEarliest("analytics", Topics.EVENTS);
        try (ConfigurableApplicationContext app = rig.startService("analytics")) {
            rig.produceEvents(events.subList(100, 120));
            rig.awaitAllConsumed("analytics", Topics.EVENTS);
            assertThat(app.getBean(EventWarehouse.class).count()).isEqualTo(events.size());
            assertApiAnswers(ApiClient.of(app), events);
        }
    }

    private void assertApiAnswers(ApiClient api, List<CanonicalEvent> events) throws Exception {
        List<String> expectedIds = events.stream().filter(e -> e.customerId().equals("cust-3"))
                .map(CanonicalEvent::id).toList();
        List<String> pagedIds = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/events?customerId=cust-3&limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor), 200);
            page.get("events").forEach(e -> pagedIds.add(e.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(pagedIds).containsExactlyElementsOf(expectedIds);

        JsonNode counts = api.get("/api/v1/events/counts", 200);
        assertThat(counts.get("total").asLong()).isEqualTo(events.size());
        assertThat(counts.get("byType").get("Order Shipped").asLong()).isEqualTo(events.size() / 3);

        assertThat(api.get("/api/v1/events/counts?since=" + T0.plusSeconds(10) + "&until=" + T0.plusSeconds(20), 200)
                .get("total").asLong()).isEqualTo(10);
        JsonNode missingCustomer = api.get("/api/v1/events", 400);
        assertThat(missingCustomer.get("path").asString()).isEqualTo("customerId");
        assertThat(api.get("/api/v1/events?customerId=c&limit=501", 400).get("path").asString()).isEqualTo("limit");
        assertThat(api.get("/api/v1/events?customerId=c&limit=x", 400).get("path").asString()).isEqualTo("limit");
        assertThat(api.get("/api/v1/events?customerId=c&cursor=%25%25", 400).get("path").asString())
                .isEqualTo("cursor");
        assertThat(api.get("/api/v1/events/counts?since=yesterday", 400).get("path").asString()).isEqualTo("since");
    }

    private List<String> deadLetterReasons() {
        try (KafkaConsumer<String, byte[]> consumer = rig.consumer(Topics.DEAD_LETTER)) {
            List<String> reasons = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    reasons.add(new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(), UTF_8));
                    assertThat(record.value()).isEqualTo(GARBAGE);
                }
                return !reasons.isEmpty();
            });
            return reasons;
        }
    }
}
