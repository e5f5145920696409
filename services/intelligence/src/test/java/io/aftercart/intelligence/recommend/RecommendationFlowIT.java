package io.aftercart.intelligence.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.testing.ApiClient;
import io.aftercart.platform.testing.ServiceTestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recommendation part of the intelligence service in a minimal Boot app against a real embedded Kafka broker and
 * a DuckDB store: Order Completed and Product Returned events on {@code aftercart.events} become recommendations
 * with reasons; replayed events are not counted twice, and a restart on the same data answers the same.
 */
class RecommendationFlowIT {

    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    static Path dir;

    private int sequence;

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
    void learnsFromTheStreamAnswersWithReasonsAndResumesAfterRestart() throws Exception {
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(order("hiker-" + i, 0, "boots", "socks"));
            events.add(order("hiker-" + i, 21, "socks"));
            events.add(order("camper-" + i, 0, "boots", "tent"));
        }
        events.add(order("ann", 0, "boots", "socks"));
        events.add(order("ann", 28, "socks"));
        events.add(order("ann", 56, "socks", "tent"));
        events.add(returned("ann", 60, "tent"));
        long expectedLines = 6 * 5 + 6;
        String annBefore;
        String relatedBefore;
        try (ConfigurableApplicationContext app = rig.startService("intelligence")) {
            ApiClient api = ApiClient.of(app);
            rig.produceEvents(events);
            rig.produceEvents(events.subList(0, 10)); // a producer retrying part of its output
            Recommender recommender = app.getBean(Recommender.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> recommender.size().orderLines() == expectedLines && ann(api).size() > 0
                            && !ann(api).toString().contains("\"tent\""));

            JsonNode ann = api.get("/api/v1/customers/ann/recommendations?limit=5", 200);
            assertThat(ann.get("coldStart").asBoolean()).isFalse();
            JsonNode first = ann.get("items").get(0);
            assertThat(first.get("productId").asString()).isEqualTo("socks");
            assertThat(first.get("reason").asString()).isEqualTo("you buy this every ~4 weeks");
            for (JsonNode item : ann.get("items")) {
                assertThat(item.get("productId").asString()).isNotEqualTo("tent");
                assertThat(item.get("reason").asString()).isNotBlank();
            }
            JsonNode newOnly = api.get("/api/v1/customers/hiker-1/recommendations?newOnly=true&limit=1", 200);
            assertThat(newOnly.get("items").get(0).get("productId").asString()).isEqualTo("tent");
            assertThat(newOnly.get("items").get(0).get("reason").asString()).isEqualTo("bought with boots");

            JsonNode stranger = api.get("/api/v1/customers/stranger/recommendations", 200);
            assertThat(stranger.get("coldStart").asBoolean()).isTrue();
            assertThat(stranger.get("items").get(0).get("reason").asString()).contains("no purchases on record");
            JsonNode related = api.get("/api/v1/products/tent/related?limit=3", 200);
            assertThat(related.get("items").get(0).get("productId").asString()).isEqualTo("boots");

            assertThat(api.get("/api/v1/products/unknown-sku/related", 404).get("status").asInt())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/customers/ann/recommendations?limit=0", 400).get("path").asString())
                    .isEqualTo("limit");
            assertThat(api.get("/api/v1/customers/ann/recommendations?limit=x", 400).get("status").asInt())
                    .isEqualTo(400);
            assertThat(api.get("/api/v1/customers/ann/recommendations?newOnly=maybe", 400).get("path")
                    .asString()).isEqualTo("newOnly");
            annBefore = ann.toString();
            relatedBefore = related.toString();
        }

        try (ConfigurableApplicationContext app = rig.startService("intelligence")) {
            ApiClient api = ApiClient.of(app);
            Recommender recommender = app.getBean(Recommender.class);
            assertThat(recommender.size().orderLines()).isEqualTo(expectedLines);
            assertThat(api.get("/api/v1/customers/ann/recommendations?limit=5", 200).toString())
                    .isEqualTo(annBefore);
            assertThat(api.get("/api/v1/products/tent/related?limit=3", 200).toString())
                    .isEqualTo(relatedBefore);

            rig.produceEvents(events.subList(0, 5)); // replayed after the restart: already in the store
            CanonicalEvent marker = returned("marker", 70, "map"); // changes no one's answer
            rig.produceEvents(List.of(marker));
            await().atMost(Duration.ofSeconds(60)).until(() -> recommender.size().orderLines() == expectedLines + 1);
            assertThat(api.get("/api/v1/customers/ann/recommendations?limit=5", 200).toString())
                    .isEqualTo(annBefore);
        }
    }

    private JsonNode ann(ApiClient api) throws Exception {
        return api.get("/api/v1/customers/ann/recommendations?limit=5", 200).get("items");
    }

    private CanonicalEvent order(String customer, int day, String... products) {
        return event("Order Completed", customer, day, products);
    }

    private CanonicalEvent returned(String customer, int day, String... products) {
        return event("Product Returned", customer, day, products);
    }

    private CanonicalEvent event(String type, String customer, int day, String[] products) {
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", "o-" + sequence);
        if (type.equals("Product Returned")) {
            properties.put("return_id", "r-" + sequence);
        }
        ArrayNode lines = properties.putArray("products");
        for (String product : products) {
            lines.addObject().put("product_id", product).put("name", product).put("price", 10).put("quantity", 1);
        }
        Instant time = START.plus(day, ChronoUnit.DAYS).plusSeconds(sequence);
        return new CanonicalEvent("ev-" + sequence++, type, null, "test-shop", time, time, customer, null,
                properties, null);
    }
}
