package io.aftercart.intelligence.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.ServiceConsumers;
import io.aftercart.platform.testing.ApiClient;
import io.aftercart.platform.testing.ServiceTestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void scoresEachTextOncePublishesItAndAnswersTheApi() throws Exception {
        List<CanonicalEvent> events = List.of(
                event("o-recent", "c1", EventType.ORDER_COMPLETED, T0, props("order_id", "ord-1")),
                event("o-old", "c2", EventType.ORDER_COMPLETED, T0.minus(Duration.ofDays(60)),
                        props("order_id", "ord-2")),
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

        try (ConfigurableApplicationContext app = rig.startService("intelligence");
                KafkaConsumer<String, byte[]> results = rig.consumer(Topics.SENTIMENT)) {
            rig.produceEvents(withRetries);
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
            // results are published before they are stored (a failed store republishes on redelivery)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(app.getBean(SentimentStore.class).countResults()).isEqualTo(5));
            assertApiAnswers(ApiClient.of(app));
        }

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", rig.bootstrapServers()))) {
            // as if no offset had ever been committed: the whole topic is redelivered
            admin.deleteConsumerGroups(List.of(ServiceConsumers.groupId(SentimentAutoConfiguration.CONSUMER)))
                    .all().get();
        }
        try (ConfigurableApplicationContext app = rig.startService("intelligence");
                KafkaConsumer<String, byte[]> results = rig.consumer(Topics.SENTIMENT)) {
            long before = rig.size(Topics.SENTIMENT);
            rig.produceEvents(List.of(event("n-2", "c7", EventType.NPS_SURVEY_RESPONDED, T0.plus(Duration.ofDays(20)),
                    props("score", 2, "comment", "Slow shipping, never again."))));
            Map<String, JsonNode> republished = new java.util.HashMap<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                poll(results, republished);
                assertThat(republished).containsKey("n-2");
            });
            assertThat(rig.size(Topics.SENTIMENT) - before).as("results published after the redelivery").isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(app.getBean(SentimentStore.class).countResults()).isEqualTo(6));
        }
    }

    private void assertApiAnswers(ApiClient api) throws Exception {
        JsonNode byProduct = api.get("/api/v1/kpis/sentiment?by=product", 200);
        assertThat(byProduct.get("groups").findValuesAsString("key")).containsExactly("p-1", "p-2");
        JsonNode p1 = byProduct.get("groups").get(0);
        assertThat(p1.get("count").asLong()).isEqualTo(2);
        assertThat(p1.get("positive").asLong()).isEqualTo(1);
        assertThat(p1.get("negative").asLong()).isEqualTo(1);

        JsonNode byAspect = api.get("/api/v1/kpis/sentiment?by=aspect&from=" + T0 + "&to="
                + T0.plus(Duration.ofDays(5)), 200);
        assertThat(byAspect.get("groups").findValuesAsString("key")).contains("delivery", "quality", "price");

        JsonNode byWeek = api.get("/api/v1/kpis/sentiment?by=period&granularity=week", 200);
        assertThat(byWeek.get("groups").findValuesAsString("key"))
                .containsExactly("2025-03-03T00:00:00Z", "2025-03-10T00:00:00Z");
        assertThat(byWeek.get("groups").get(0).get("count").asLong()).isEqualTo(3);

        JsonNode scored = api.post("/api/v1/sentiment",
                "{\"texts\": [\"The book was good.\", \"The refund was not handled well at all.\"]}", 200);
        assertThat(scored.get("results").get(0).get("compound").asDouble()).isBetween(0.4399, 0.4409);
        assertThat(scored.get("results").get(1).get("aspects").get(0).get("aspect").asString()).isEqualTo("returns");
        assertThat(api.post("/api/v1/sentiment", "{\"text\": \"Today SUX!\"}", 200)
                .get("results").get(0).get("label").asString()).isEqualTo("negative");

        assertThat(api.get("/api/v1/kpis/sentiment?by=colour", 400).get("path").asString())
                .isEqualTo("by");
        assertThat(api.get("/api/v1/kpis/sentiment", 400).get("path").asString()).isEqualTo("by");
        assertThat(api.get("/api/v1/kpis/sentiment?by=period&granularity=hour", 400)
                .get("path").asString()).isEqualTo("granularity");
        assertThat(api.get("/api/v1/kpis/sentiment?by=product&from=yesterday", 400)
                .get("path").asString()).isEqualTo("from");
        assertThat(api.post("/api/v1/sentiment", "{\"texts\": []}", 400).get("path").asString())
                .isEqualTo("/texts");
        assertThat(api.post("/api/v1/sentiment", "{\"texts\": [\"ok\", 3]}", 400).get("path").asString())
                .isEqualTo("/texts/1");
        api.post("/api/v1/sentiment", "{not json", 400);
        api.post("/api/v1/sentiment", "", 400);
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

    private static void poll(KafkaConsumer<String, byte[]> consumer, Map<String, JsonNode> byEvent) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            JsonNode result = EventJson.mapper().readTree(record.value());
            assertThat(record.key()).isEqualTo(result.get("customerId").asString());
            JsonNode previous = byEvent.put(result.get("eventId").asString(), result);
            assertThat(previous).as("a second result for " + result.get("eventId")).isNull();
        }
    }
}
