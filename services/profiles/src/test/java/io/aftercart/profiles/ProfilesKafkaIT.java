package io.aftercart.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import io.aftercart.platform.kafka.ServiceConsumers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The profiles service in a minimal Boot app against a real embedded Kafka broker and a DuckDB store: canonical
 * events, predictions and sentiment results become profiles served by the API and published to the profiles topic;
 * a restart with redelivery counts nothing twice; a rebuild from the log gives the same profiles.
 */
class ProfilesKafkaIT {

    private static final String GROUP = ServiceConsumers.groupId("profiles");
    private static final List<Topics> CONSUMED = List.of(Topics.EVENTS, Topics.PREDICTIONS, Topics.SENTIMENT);

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
    void buildsPublishesSurvivesRedeliveryAndRebuildsProfiles() throws Exception {
        JsonNode before;
        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);
            produce(Topics.EVENTS, ProfileStoreIT.shop().stream()
                    .collect(Collectors.toMap(e -> e, e -> EventJson.write(e))), true);
            produce(Topics.PREDICTIONS, Map.of(keyed("c1"), ("{\"customerId\":\"c1\",\"modelVersion\":\"m1\","
                    + "\"churnProbability\":0.8,\"clv\":55.5,\"clvLow\":40,\"clvHigh\":70,"
                    + "\"expectedNextOrderDate\":\"2025-05-01\",\"atRisk\":true}").getBytes(UTF_8)), false);
            produce(Topics.SENTIMENT, Map.of(keyed("c1"), ("{\"eventId\":\"c1-5\",\"customerId\":\"c1\","
                    + "\"compound\":-0.6,\"label\":\"negative\",\"aspects\":[{\"aspect\":\"delivery\","
                    + "\"compound\":-0.6,\"label\":\"negative\"}],\"time\":\"2025-03-08T10:00:00Z\"}")
                    .getBytes(UTF_8)), false);
            awaitAllConsumed();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    getJson(port, "/api/v1/customers/c1", 200).get("churnProbability").isNumber());

            JsonNode c1 = getJson(port, "/api/v1/customers/c1", 200);
            assertThat(c1.get("orderCount").asInt()).isEqualTo(3);
            assertThat(c1.get("netRevenue").decimalValue()).isEqualByComparingTo("50");
            assertThat(c1.get("anonymousIds").get(0).asString()).isEqualTo("anon-1");
            assertThat(c1.get("npsClass").asString()).isEqualTo("promoter");
            assertThat(c1.get("atRisk").asBoolean()).isTrue();
            assertThat(c1.get("latestNegativeExperience").get("aspect").asString()).isEqualTo("delivery");
            assertThat(c1.get("daysSinceLastOrder").isNumber()).isTrue();
            JsonNode c3 = getJson(port, "/api/v1/customers/c3", 200);
            assertThat(c3.has("churnProbability") && c3.get("churnProbability").isNull()).isTrue();
            assertThat(c3.get("orderCount").asInt()).isEqualTo(30);
            assertThat(getJson(port, "/api/v1/customers/old", 404).get("title").asString()).isEqualTo("Unknown customer");
            assertThat(ids(getJson(port, "/api/v1/customers?minOrders=2&npsClass=PROMOTER", 200)))
                    .containsExactly("c1");
            assertThat(ids(getJson(port, "/api/v1/customers?email=ann%40example.com", 200))).containsExactly("c1");
            JsonNode timeline = getJson(port, "/api/v1/customers/c2/timeline", 200);
            assertThat(timeline.get("events").get(0).get("eventId").asString()).isEqualTo("old-1");
            for (String bad : List.of("minOrders=-1", "maxRevenue=lots", "lastOrderBefore=yesterday",
                    "npsClass=fan", "atRisk=maybe", "limit=0", "limit=501", "cursor=%25%25", "minOrders=5&maxOrders=2")) {
                String parameter = bad.substring(bad.lastIndexOf('&') + 1, bad.lastIndexOf('='));
                assertThat(getJson(port, "/api/v1/customers?" + bad, 400).get("path").asString()).isEqualTo(parameter);
            }

            Map<String, String> topic = profilesTopic();
            assertThat(topic).as(topic.keySet().toString()).containsKeys("c1", "c2", "c3");
            assertThat(topic.get("old")).as("merged into c2: a tombstone, or never published").isNull();
            assertThat(EventJson.mapper().readTree(topic.get("c1")).get("netRevenue").decimalValue())
                    .isEqualByComparingTo("50");
            assertThat(String.join("", topic.values().stream().map(String::valueOf).toList()))
                    .doesNotContain("example.com", "7946");
            before = getJson(port, "/api/v1/customers?limit=500", 200);
        }
        assertThat(Files.readString(dir.resolve("data/profiles-pii.key"))).hasSizeGreaterThan(40);
        long published = profilesTopicSize();

        resetGroupToEarliest(); // as if no offset had been committed: everything is redelivered
        try (ConfigurableApplicationContext app = start()) {
            int port = port(app);
            awaitAllConsumed();
            assertThat(withoutReadTime(getJson(port, "/api/v1/customers?limit=500", 200)))
                    .isEqualTo(withoutReadTime(before));
            assertThat(profilesTopicSize()).as("nothing changed, nothing republished").isEqualTo(published);

            JsonNode started = postJson(port, "/api/v1/admin/profiles/rebuild", 202);
            assertThat(started.get("profilesCleared").asLong()).isEqualTo(3);
            assertThat(started.get("partitionsRewound").asInt()).isEqualTo(9);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    assertThat(withoutReadTime(getJson(port, "/api/v1/customers?limit=500", 200)))
                            .isEqualTo(withoutReadTime(before)));
        }
    }

    private static CanonicalEvent keyed(String customerId) {
        return TestEvents.event("key-" + customerId, customerId, "page", TestEvents.T0, "{}");
    }

    private static List<String> ids(JsonNode page) {
        return page.get("profiles").valueStream().map(p -> p.get("customerId").asString()).toList();
    }

    /** The page without the only field computed at read time. */
    private static JsonNode withoutReadTime(JsonNode page) {
        JsonNode copy = page.deepCopy();
        copy.get("profiles").forEach(p -> ((tools.jackson.databind.node.ObjectNode) p).remove("daysSinceLastOrder"));
        return copy;
    }

    private JsonNode getJson(int port, String pathAndQuery, int expectedStatus) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                expectedStatus);
    }

    private JsonNode postJson(int port, String path, int expectedStatus) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), expectedStatus);
    }

    private JsonNode send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + " -> " + response.body()).isEqualTo(expectedStatus);
        return EventJson.mapper().readTree(response.body());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestApp.class).run(
                "--server.port=0",
                "--aftercart.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aftercart.data-dir=" + dir.resolve("data"),
                "--aftercart.services=profiles",
                "--aftercart.reporting.rates.EUR=0.85",
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** Sends each value keyed by its event's partition key. */
    private void produce(Topics topic, Map<CanonicalEvent, byte[]> values, boolean withGarbage) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "acks", "all", "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer())) {
            values.forEach((event, value) ->
                    producer.send(new ProducerRecord<>(topic.topicName(), event.partitionKey(), value)));
            if (withGarbage) {
                producer.send(new ProducerRecord<>(topic.topicName(), "c1", "{not json".getBytes(UTF_8)));
            }
            producer.flush();
        }
    }

    private void awaitAllConsumed() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Admin admin = admin()) {
                Map<TopicPartition, Long> ends = endOffsets(admin, CONSUMED);
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
            Map<TopicPartition, OffsetAndMetadata> start = endOffsets(admin, CONSUMED).keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.alterConsumerGroupOffsets(GROUP, start).all().get() == null);
        }
    }

    private long profilesTopicSize() throws Exception {
        try (Admin admin = admin()) {
            return endOffsets(admin, List.of(Topics.PROFILES)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The latest value per key of the profiles topic, read up to its current end. */
    private Map<String, String> profilesTopic() throws Exception {
        Map<TopicPartition, Long> ends;
        try (Admin admin = admin()) {
            ends = endOffsets(admin, List.of(Topics.PROFILES));
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            Map<String, String> latest = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value() == null ? null : new String(record.value(), UTF_8));
                }
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
            return latest;
        }
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, List<Topics> topics) throws Exception {
        List<String> names = topics.stream().map(Topics::topicName).toList();
        var partitions = admin.describeTopics(names).allTopicNames().get().values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(p -> new TopicPartition(description.name(), p.partition())))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }
}
