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
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import io.aftercart.platform.kafka.ServiceConsumers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The analytics service in a minimal Boot app against a real embedded Kafka broker and a DuckDB store: events go
 * from {@code aftercart.events} into the warehouse exactly once (also across a restart with redelivery), garbage goes
 * to the dead-letter topic, and the HTTP API answers.
 */
class EventWarehouseKafkaIT {

    private static final String GROUP = ServiceConsumers.groupId("analytics");
    private static final int CUSTOMERS = 10;
    private static final int EVENTS_PER_CUSTOMER = 30;

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApp {
    }

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void storesEachEventOnceDeadLettersGarbageAndAnswersTheApi() throws Exception {
        List<CanonicalEvent> events = IntStream.range(0, CUSTOMERS * EVENTS_PER_CUSTOMER)
                .mapToObj(i -> event("ev-" + i, "cust-" + (i % CUSTOMERS), i % 3 == 0 ? "Order Shipped" : "Order Completed",
                        T0.plusSeconds(i)))
                .toList();
        List<CanonicalEvent> withDuplicates = new ArrayList<>(events);
        withDuplicates.addAll(events.subList(0, 25)); // a producer retrying part of its output

        try (ConfigurableApplicationContext app = start()) {
            produce(withDuplicates, true);
            awaitAllConsumed();
            EventWarehouse warehouse = app.getBean(EventWarehouse.class);
            assertThat(warehouse.count()).isEqualTo(events.size());
            assertThat(deadLetterReasons()).containsExactly("UNPARSEABLE");
            assertApiAnswers(port(app), events);
        }

        resetGroupToEarliest(); // as if the offsets had never been committed: everything is redelivered
        try (ConfigurableApplicationContext app = start()) {
            produce(events.subList(100, 120), false);
            awaitAllConsumed();
            assertThat(app.getBean(EventWarehouse.class).count()).isEqualTo(events.size());
            assertApiAnswers(port(app), events);
        }
    }

    private void assertApiAnswers(int port, List<CanonicalEvent> events) throws Exception {
        List<String> expectedIds = events.stream().filter(e -> e.customerId().equals("cust-3"))
                .map(CanonicalEvent::id).toList();
        List<String> pagedIds = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getJson(port, "/api/v1/events?customerId=cust-3&limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor), 200);
            page.get("events").forEach(e -> pagedIds.add(e.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(pagedIds).containsExactlyElementsOf(expectedIds);

        JsonNode counts = getJson(port, "/api/v1/events/counts", 200);
        assertThat(counts.get("total").asLong()).isEqualTo(events.size());
        assertThat(counts.get("byType").get("Order Shipped").asLong()).isEqualTo(events.size() / 3);

        assertThat(getJson(port, "/api/v1/events/counts?since=" + T0.plusSeconds(10) + "&until=" + T0.plusSeconds(20), 200)
                .get("total").asLong()).isEqualTo(10);
        JsonNode missingCustomer = getJson(port, "/api/v1/events", 400);
        assertThat(missingCustomer.get("path").asString()).isEqualTo("customerId");
        assertThat(getJson(port, "/api/v1/events?customerId=c&limit=501", 400).get("path").asString()).isEqualTo("limit");
        assertThat(getJson(port, "/api/v1/events?customerId=c&limit=x", 400).get("path").asString()).isEqualTo("limit");
        assertThat(getJson(port, "/api/v1/events?customerId=c&cursor=%25%25", 400).get("path").asString()).isEqualTo("cursor");
        assertThat(getJson(port, "/api/v1/events/counts?since=yesterday", 400).get("path").asString()).isEqualTo("since");
    }

    private JsonNode getJson(int port, String pathAndQuery, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(expectedStatus);
        return EventJson.mapper().readTree(response.body());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestApp.class).run(
                "--server.port=0",
                "--aftercart.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aftercart.data-dir=" + dir.resolve("data"),
                "--aftercart.services=analytics",
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private void produce(List<CanonicalEvent> events, boolean withGarbage) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "acks", "all", "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer())) {
            for (CanonicalEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS.topicName(), event.partitionKey(), EventJson.write(event)));
            }
            if (withGarbage) {
                producer.send(new ProducerRecord<>(Topics.EVENTS.topicName(), "cust-1", "{not json".getBytes(UTF_8)));
            }
            producer.flush();
        }
    }

    /** Every record of the events topic is processed once the group's committed offsets reach the log end. */
    private void awaitAllConsumed() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Admin admin = admin()) {
                Map<TopicPartition, Long> ends = endOffsets(admin);
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() == end.getValue()));
            }
        });
    }

    private void resetGroupToEarliest() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = endOffsets(admin).keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions() // until the stopped consumer has left the group
                    .until(() -> admin.alterConsumerGroupOffsets(GROUP, start).all().get() == null);
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        var partitions = admin.describeTopics(List.of(Topics.EVENTS.topicName())).allTopicNames().get()
                .get(Topics.EVENTS.topicName()).partitions().stream()
                .map(p -> new TopicPartition(Topics.EVENTS.topicName(), p.partition()))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private List<String> deadLetterReasons() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "group.id", "dlq-reader", "auto.offset.reset", "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER.topicName()));
            List<String> reasons = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    reasons.add(new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(), UTF_8));
                    assertThat(record.value()).isEqualTo("{not json".getBytes(UTF_8));
                }
                return !reasons.isEmpty();
            });
            return reasons;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }
}
