package io.aftercart.profiles;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.testing.ApiClient;
import io.aftercart.platform.testing.ServiceTestRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The profiles service in a minimal Boot app against a real embedded Kafka broker and a DuckDB store: canonical
 * events, predictions and sentiment results become profiles served by the API and published to the profiles topic;
 * a restart with redelivery counts nothing twice; a rebuild from the log gives the same profiles.
 */
class ProfilesKafkaIT {

    private static final Topics[] CONSUMED = {Topics.EVENTS, Topics.PREDICTIONS, Topics.SENTIMENT};

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
    void buildsPublishesSurvivesRedeliveryAndRebuildsProfiles() throws Exception {
        JsonNode before;
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = ApiClient.of(app);
            rig.produceEvents(ProfileStoreIT.shop());
            rig.produce(Topics.EVENTS, "c1", "{not json".getBytes(UTF_8));
            rig.produce(Topics.PREDICTIONS, "c1", ("{\"customerId\":\"c1\",\"modelVersion\":\"m1\","
                    + "\"churnProbability\":0.8,\"clv\":55.5,\"clvLow\":40,\"clvHigh\":70,"
                    + "\"expectedNextOrderDate\":\"2025-05-01\",\"atRisk\":true}").getBytes(UTF_8));
            rig.produce(Topics.SENTIMENT, "c1", ("{\"eventId\":\"c1-5\",\"customerId\":\"c1\","
                    + "\"compound\":-0.6,\"label\":\"negative\",\"aspects\":[{\"aspect\":\"delivery\","
                    + "\"compound\":-0.6,\"label\":\"negative\"}],\"time\":\"2025-03-08T10:00:00Z\"}")
                    .getBytes(UTF_8));
            rig.awaitAllConsumed("profiles", CONSUMED);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.get("/api/v1/customers/c1", 200).get("churnProbability").isNumber());

            JsonNode c1 = api.get("/api/v1/customers/c1", 200);
            assertThat(c1.get("orderCount").asInt()).isEqualTo(3);
            assertThat(c1.get("netRevenue").decimalValue()).isEqualByComparingTo("50");
            assertThat(c1.get("anonymousIds").get(0).asString()).isEqualTo("anon-1");
            assertThat(c1.get("npsClass").asString()).isEqualTo("promoter");
            assertThat(c1.get("atRisk").asBoolean()).isTrue();
            assertThat(c1.get("latestNegativeExperience").get("aspect").asString()).isEqualTo("delivery");
            assertThat(c1.get("daysSinceLastOrder").isNumber()).isTrue();
            JsonNode c3 = api.get("/api/v1/customers/c3", 200);
            assertThat(c3.has("churnProbability") && c3.get("churnProbability").isNull()).isTrue();
            assertThat(c3.get("orderCount").asInt()).isEqualTo(30);
            assertThat(api.get("/api/v1/customers/old", 404).get("title").asString()).isEqualTo("Unknown customer");
            assertThat(ids(api.get("/api/v1/customers?minOrders=2&npsClass=PROMOTER", 200)))
                    .containsExactly("c1");
            assertThat(ids(api.get("/api/v1/customers?email=ann%40example.com", 200))).containsExactly("c1");
            JsonNode timeline = api.get("/api/v1/customers/c2/timeline", 200);
            assertThat(timeline.get("events").get(0).get("eventId").asString()).isEqualTo("old-1");
            for (String bad : List.of("minOrders=-1", "maxRevenue=lots", "lastOrderBefore=yesterday",
                    "npsClass=fan", "atRisk=maybe", "limit=0", "limit=501", "cursor=%25%25",
                    "minOrders=5&maxOrders=2")) {
                String parameter = bad.substring(bad.lastIndexOf('&') + 1, bad.lastIndexOf('='));
                assertThat(api.get("/api/v1/customers?" + bad, 400).get("path").asString()).isEqualTo(parameter);
            }

            Map<String, String> topic = profilesTopic();
            assertThat(topic).as(topic.keySet().toString()).containsKeys("c1", "c2", "c3");
            assertThat(topic.get("old")).as("merged into c2: a tombstone, or never published").isNull();
            assertThat(EventJson.mapper().readTree(topic.get("c1")).get("netRevenue").decimalValue())
                    .isEqualByComparingTo("50");
            JsonNode publishedC3 = EventJson.mapper().readTree(topic.get("c3"));
            assertThat(publishedC3.has("churnProbability") && publishedC3.get("churnProbability").isNull())
                    .as("the published form names the fields not filled yet").isTrue();
            assertThat(String.join("", topic.values().stream().map(String::valueOf).toList()))
                    .doesNotContain("example.com", "7946");
            before = api.get("/api/v1/customers?limit=500", 200);
        }
        assertThat(Files.readString(rig.dataDir().resolve("profiles-pii.key"))).hasSizeGreaterThan(40);
        long published = rig.size(Topics.PROFILES);

        rig.rewindToEarliest("profiles", CONSUMED); // as if no offset had been committed: everything is redelivered
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = ApiClient.of(app);
            rig.awaitAllConsumed("profiles", CONSUMED);
            assertThat(withoutReadTime(api.get("/api/v1/customers?limit=500", 200)))
                    .isEqualTo(withoutReadTime(before));
            assertThat(rig.size(Topics.PROFILES)).as("nothing changed, nothing republished").isEqualTo(published);

            JsonNode started = api.post("/api/v1/admin/profiles/rebuild", null, 202);
            assertThat(started.get("profilesCleared").asLong()).isEqualTo(3);
            assertThat(started.get("partitionsRewound").asInt()).isEqualTo(9);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    assertThat(withoutReadTime(api.get("/api/v1/customers?limit=500", 200)))
                            .isEqualTo(withoutReadTime(before)));
        }
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

    private ConfigurableApplicationContext start() {
        return rig.startService("profiles", "--aftercart.reporting.rates.EUR=0.85");
    }

    /** The latest value per key of the profiles topic, read up to its current end. */
    private Map<String, String> profilesTopic() throws Exception {
        Map<TopicPartition, Long> ends = rig.endOffsets(Topics.PROFILES);
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", rig.bootstrapServers()),
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
}
