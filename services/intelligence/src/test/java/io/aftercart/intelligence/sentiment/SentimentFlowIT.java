package io.aftercart.intelligence.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import io.aftercart.platform.kafka.ServiceConsumers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The sentiment flow in a minimal Boot app against a real embedded Kafka broker and a DuckDB store: texts on
 * {@code aftercart.events} become one result each on {@code aftercart.sentiment}, a full redelivery publishes and
 * stores nothing again, and the HTTP endpoints answer (400 problems for bad input).
 */
class SentimentFlowIT {

    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

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
    void scoresEachTextOncePublishesItAndAnswersTheApi() throws Exception {
        List<CanonicalEvent> events = List.of(
                event("o-recent", "c1", EventType.ORDER_COMPLETED, T0, props("order_id", "ord-1")),
                event("o-old", "c2", EventType.ORDER_COMPLETED, T0.minus(Duration.ofDays(60)), props("order_id", "ord-2")),
                event("r-angry", "c1", EventType.PRODUCT_REVIEWED, T0.plus(Duration.ofDays(2)), props("product_id",
                        "p-1", "review_id", "rv-1", "rating", 1, "order_id", "ord-1",
                        "review_body", "Terrible quality, it broke after a day. The delivery was awful and late!")),
                event("r-happy", "c3", EventType.PRODUCT_REVIEWED, T0.plus(Duration.ofDays(3)), props("product_id",
                        "p-1", "review_id", "rv-2", "rating", 5, "review_body", "Love it! Great value for the money.")),
                event("r-angry-old-order", "c2", EventType.PRODUCT_REVIEWED, T0.plus(Duration.ofDays(3)),
                        props("product_id", "p-2", "review_id", "rv-3", "rating", 1, "order_id", "ord-2",
                                "review_body", "Horrible, the worst purchase ever. I hate it.")),
                event("t-1", "c4", EventType.SUPPORT_TICKET_OPENED, T0.plus(Duration.ofDays(10)), props("ticket_id",
                        "tk-1", "subject", "Where is my refund?", "body", "I returned the shoes but no refund yet.")),
                event("n-1", "c5", EventType.NPS_SURVEY_RESPONDED, T0.plus(Duration.ofDays(12)),
                        props("score", 9, "comment", "Friendly customer service, thank you!")),
                event("n-silent", "c6", EventType.NPS_SURVEY_RESPONDED, T0.plus(Duration.ofDays(12)),
                        props("score", 7)));
        List<CanonicalEvent> withRetries = new ArrayList<>(events);
        withRetries.addAll(events.subList(2, 5)); // a producer retrying part of its output

        try (ConfigurableApplicationContext app = start();
                KafkaConsumer<String, byte[]> results = resultConsumer()) {
            produce(withRetries);
            Map<String, JsonNode> byEvent = new java.util.HashMap<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                poll(results, byEvent);
                assertThat(byEvent).containsOnlyKeys("r-angry", "r-happy", "r-angry-old-order", "t-1", "n-1");
            });
            JsonNode angry = byEvent.get("r-angry");
            assertThat(angry.get("customerId").asString()).isEqualTo("c1");
            assertThat(angry.get("sourceType").asString()).isEqualTo("review");
            assertThat(angry.get("productId").asString()).isEqualTo("p-1");
            assertThat(angry.get("label").asString()).isEqualTo("negative");
            assertThat(angry.get("serviceRecovery").asBoolean()).isTrue();
            assertThat(angry.get("aspects").findValuesAsString("aspect")).containsExactly("quality", "delivery");
            assertThat(byEvent.get("r-angry-old-order").get("label").asString()).isEqualTo("negative");
            assertThat(byEvent.get("r-angry-old-order").get("serviceRecovery").asBoolean()).isFalse();
            assertThat(byEvent.get("r-happy").get("label").asString()).isEqualTo("positive");
            assertThat(byEvent.get("t-1").get("sourceType").asString()).isEqualTo("support_ticket");
            assertThat(byEvent.get("n-1").get("aspects").get(0).get("aspect").asString()).isEqualTo("service");
            assertThat(app.getBean(SentimentStore.class).countResults()).isEqualTo(5);
            assertApiAnswers(port(app));
        }

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            // as if no offset had ever been committed: the whole topic is redelivered
            admin.deleteConsumerGroups(List.of(ServiceConsumers.groupId(SentimentAutoConfiguration.CONSUMER))).all().get();
        }
        try (ConfigurableApplicationContext app = start();
                KafkaConsumer<String, byte[]> results = resultConsumer()) {
            long before = endOffset(results);
            produce(List.of(event("n-2", "c7", EventType.NPS_SURVEY_RESPONDED, T0.plus(Duration.ofDays(20)),
                    props("score", 2, "comment", "Slow shipping, never again."))));
            Map<String, JsonNode> republished = new java.util.HashMap<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                poll(results, republished);
                assertThat(republished).containsKey("n-2");
            });
            assertThat(endOffset(results) - before).as("results published after the redelivery").isEqualTo(1);
            assertThat(app.getBean(SentimentStore.class).countResults()).isEqualTo(6);
        }
    }

    private void assertApiAnswers(int port) throws Exception {
        JsonNode byProduct = send(port, "GET", "/api/v1/kpis/sentiment?by=product", null, 200);
        assertThat(byProduct.get("groups").findValuesAsString("key")).containsExactly("p-1", "p-2");
        JsonNode p1 = byProduct.get("groups").get(0);
        assertThat(p1.get("count").asLong()).isEqualTo(2);
        assertThat(p1.get("positive").asLong()).isEqualTo(1);
        assertThat(p1.get("negative").asLong()).isEqualTo(1);

        JsonNode byAspect = send(port, "GET", "/api/v1/kpis/sentiment?by=aspect&from=" + T0 + "&to="
                + T0.plus(Duration.ofDays(5)), null, 200);
        assertThat(byAspect.get("groups").findValuesAsString("key")).contains("delivery", "quality", "price");

        JsonNode byWeek = send(port, "GET", "/api/v1/kpis/sentiment?by=period&granularity=week", null, 200);
        assertThat(byWeek.get("groups").findValuesAsString("key"))
                .containsExactly("2025-03-03T00:00:00Z", "2025-03-10T00:00:00Z");
        assertThat(byWeek.get("groups").get(0).get("count").asLong()).isEqualTo(3);

        JsonNode scored = send(port, "POST", "/api/v1/sentiment",
                "{\"texts\": [\"The book was good.\", \"The refund was not handled well at all.\"]}", 200);
        assertThat(scored.get("results").get(0).get("compound").asDouble()).isBetween(0.4399, 0.4409);
        assertThat(scored.get("results").get(1).get("aspects").get(0).get("aspect").asString()).isEqualTo("returns");
        assertThat(send(port, "POST", "/api/v1/sentiment", "{\"text\": \"Today SUX!\"}", 200)
                .get("results").get(0).get("label").asString()).isEqualTo("negative");

        assertThat(send(port, "GET", "/api/v1/kpis/sentiment?by=colour", null, 400).get("path").asString())
                .isEqualTo("by");
        assertThat(send(port, "GET", "/api/v1/kpis/sentiment", null, 400).get("path").asString()).isEqualTo("by");
        assertThat(send(port, "GET", "/api/v1/kpis/sentiment?by=period&granularity=hour", null, 400)
                .get("path").asString()).isEqualTo("granularity");
        assertThat(send(port, "GET", "/api/v1/kpis/sentiment?by=product&from=yesterday", null, 400)
                .get("path").asString()).isEqualTo("from");
        assertThat(send(port, "POST", "/api/v1/sentiment", "{\"texts\": []}", 400).get("path").asString())
                .isEqualTo("/texts");
        assertThat(send(port, "POST", "/api/v1/sentiment", "{\"texts\": [\"ok\", 3]}", 400).get("path").asString())
                .isEqualTo("/texts/1");
        send(port, "POST", "/api/v1/sentiment", "{not json", 400);
        send(port, "POST", "/api/v1/sentiment", "", 400);
    }

    private JsonNode send(int port, String method, String pathAndQuery, String body, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + pathAndQuery + " -> " + response.body())
                .isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        return EventJson.mapper().readTree(response.body());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestApp.class).run(
                "--server.port=0",
                "--aftercart.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aftercart.data-dir=" + dir.resolve("data"),
                "--aftercart.services=intelligence",
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static CanonicalEvent event(String id, String customer, EventType type, Instant time, ObjectNode props) {
        return new CanonicalEvent(id, type.wireName(), type.schemaRef(), "test-shop", time, time, customer, null,
                props, EventJson.mapper().createObjectNode());
    }

    private static ObjectNode props(Object... keyValues) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], EventJson.mapper().valueToTree(keyValues[i + 1]));
        }
        return node;
    }

    private void produce(List<CanonicalEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (CanonicalEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS.topicName(), event.partitionKey(),
                        EventJson.write(event))).get();
            }
        }
    }

    private KafkaConsumer<String, byte[]> resultConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers(), "group.id", "sentiment-it-" + System.nanoTime(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.SENTIMENT.topicName()));
        return consumer;
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer, Map<String, JsonNode> byEvent) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            JsonNode result = EventJson.mapper().readTree(record.value());
            assertThat(record.key()).isEqualTo(result.get("customerId").asString());
            JsonNode previous = byEvent.put(result.get("eventId").asString(), result);
            assertThat(previous).as("a second result for " + result.get("eventId")).isNull();
        }
    }

    private long endOffset(KafkaConsumer<String, byte[]> consumer) {
        var partitions = consumer.partitionsFor(Topics.SENTIMENT.topicName()).stream()
                .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
}
