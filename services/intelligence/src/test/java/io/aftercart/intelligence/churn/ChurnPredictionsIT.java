package io.aftercart.intelligence.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.testing.ApiClient;
import io.aftercart.platform.testing.ServiceTestRig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
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
 * The churn part of the intelligence service in a minimal Boot app against a real embedded Kafka broker and a
 * DuckDB store: order events on {@code aftercart.events} become purchase summaries (late, duplicated and
 * cancelled orders included), a refit through the API publishes predictions on {@code aftercart.predictions}, and
 * the API answers them, with problems for bad input and unknown customers.
 */
class ChurnPredictionsIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final int CUSTOMERS = 120;

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
    void summarisesOrdersRefitsOnDemandAndPublishesPredictions() throws Exception {
        List<CanonicalEvent> events = new ArrayList<>(history());
        events.addAll(traced());
        try (ConfigurableApplicationContext app = rig.startService("intelligence",
                "--aftercart.reporting.currency=EUR",
                "--aftercart.intelligence.churn.refit-interval=0s",
                "--aftercart.intelligence.churn.min-customers=20",
                "--aftercart.intelligence.churn.min-repeat-customers=5")) {
            ApiClient api = ApiClient.of(app);
            rig.produceEvents(events);
            rig.produceEvents(events.subList(0, 40)); // a producer retrying part of its output
            PurchaseLedger ledger = app.getBean(PurchaseLedger.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.summary("traced").isPresent()
                    && ledger.summary("traced").get().purchaseDays() == 3
                    && ledger.summary("late").isPresent());

            PurchaseSummary traced = ledger.summary("traced").orElseThrow();
            // day -40: 100 + 20 (same day, merged); day -20: 50 - 30 refunded (return and refund of the same money);
            // day -10: 80; day -5 cancelled entirely
            assertThat(traced.firstPurchase()).isEqualTo(TODAY.minusDays(40));
            assertThat(traced.lastPurchase()).isEqualTo(TODAY.minusDays(10));
            assertThat(traced.totalSpend()).isEqualByComparingTo("220");
            assertThat(traced.repeatSpend()).isEqualByComparingTo("100");
            assertThat(traced.meanRepeatSpend()).isEqualTo(50.0);
            assertThat(traced.currency()).isEqualTo("EUR");
            // the refund arrived before its order and still counts; net spend below zero does not break anything
            assertThat(ledger.summary("late").orElseThrow().totalSpend()).isEqualByComparingTo("-5");

            JsonNode before = api.get("/api/v1/customers/traced/predictions", 200);
            assertThat(before.get("status").asString()).isEqualTo("INSUFFICIENT_DATA");
            assertThat(before.get("reason").asString()).isNotBlank();

            JsonNode version = api.post("/api/v1/models/churn/refit", null, 200);
            assertThat(version.get("status").asString()).as(version.toString()).isEqualTo("FITTED");
            assertThat(version.get("customers").asLong()).isEqualTo(CUSTOMERS + 2);
            assertThat(version.get("purchaseModel").get("r").asDouble()).isPositive();
            assertThat(version.get("calibration")).hasSize(8);

            Map<String, JsonNode> published = predictions(CUSTOMERS + 2);
            JsonNode tracedScore = published.get("traced");
            assertThat(tracedScore.get("modelVersion").asLong()).isEqualTo(version.get("version").asLong());
            double pAlive = tracedScore.get("pAlive").asDouble();
            assertThat(pAlive).isBetween(0.0, 1.0);
            assertThat(tracedScore.get("churnProbability").asDouble()).isCloseTo(1 - pAlive,
                    within(1e-12));
            assertThat(tracedScore.has("clvLow")).as(tracedScore + "\n" + version).isTrue();
            assertThat(tracedScore.get("clv").asDouble()).isBetween(tracedScore.get("clvLow").asDouble(),
                    tracedScore.get("clvHigh").asDouble());
            assertThat(tracedScore.get("clvLow").asDouble()).isLessThanOrEqualTo(tracedScore.get("clvHigh").asDouble());
            assertThat(tracedScore.get("currency").asString()).isEqualTo("EUR");

            JsonNode answered = api.get("/api/v1/customers/traced/predictions", 200);
            assertThat(answered.get("status").asString()).isEqualTo("SCORED");
            assertThat(answered.get("pAlive").asDouble()).isCloseTo(pAlive, within(1e-9));
            assertThat(answered.get("expectedNextOrderDate").asString()).isNotBlank();
            assertThat(api.get("/api/v1/customers/traced/predictions?horizonDays=365", 200)
                    .get("expectedPurchases").asDouble()).isGreaterThan(answered.get("expectedPurchases").asDouble());

            JsonNode model = api.get("/api/v1/models/churn", 200);
            assertThat(model.get("current").get("version").asLong()).isEqualTo(version.get("version").asLong());
            JsonNode atRisk = api.get("/api/v1/models/churn/at-risk?limit=5", 200);
            atRisk.get("customers").forEach(c -> assertThat(c.get("atRisk").asBoolean()).isTrue());

            assertNewOrdersAreScoredOnce();

            assertThat(api.get("/api/v1/customers/nobody/predictions", 404).get("status").asInt()).isEqualTo(404);
            assertThat(api.get("/api/v1/customers/traced/predictions?horizonDays=x", 400).get("path").asString())
                    .isEqualTo("horizonDays");
            assertThat(api.get("/api/v1/models/churn/at-risk?limit=0", 400).get("path").asString())
                    .isEqualTo("limit");
        }
    }

    /** With a model in use, a new order re-scores its customer at once; the same event delivered again does not. */
    private void assertNewOrdersAreScoredOnce() {
        CanonicalEvent newOrder = completed("traced", "t6", 2, 40);
        List<Double> pastValues = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = rig.consumer(Topics.PREDICTIONS)) {
            rig.produceEvents(List.of(newOrder));
            awaitScore(consumer, pastValues, 260);
            rig.produceEvents(List.of(newOrder)); // a producer retrying
            rig.awaitAllConsumed(ChurnAutoConfiguration.CONSUMER, Topics.EVENTS);
            rig.produceEvents(List.of(completed("traced", "t7", 1, 10)));
            awaitScore(consumer, pastValues, 270);
        }
        assertThat(pastValues).containsExactly(260.0, 270.0);
    }

    /**
     * Adds the past values of traced's predictions since the refit (which scored 220) until one is {@code expected}.
     */
    private static void awaitScore(KafkaConsumer<String, byte[]> consumer, List<Double> pastValues, double expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                double pastValue = EventJson.mapper().readTree(record.value()).get("pastValue").asDouble();
                if (record.key().equals("traced") && pastValue > 220) {
                    pastValues.add(pastValue);
                }
            }
            return pastValues.contains(expected);
        });
    }

    /** Customers with a few orders each over the last year, from a fixed seed. */
    private static List<CanonicalEvent> history() {
        Random random = new Random(7);
        RandomGenerator generator = new Well19937c(7);
        List<CanonicalEvent> events = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            int age = 30 + random.nextInt(330);
            int orders = random.nextInt(10) < 4 ? 1 : 1 + random.nextInt(6);
            // spend as Gamma-Gamma assumes it: Gamma(6, ν) per order, ν ~ Gamma(4, 60) per customer
            double nu = new GammaDistribution(generator, 4, 1.0 / 60).sample();
            GammaDistribution spend = new GammaDistribution(generator, 6, 1 / nu);
            for (int o = 0; o < orders; o++) {
                int daysAgo = o == 0 ? age : random.nextInt(age);
                events.add(completed("c" + c, "c" + c + "-o" + o, daysAgo,
                        (int) Math.max(1, Math.round(spend.sample()))));
            }
        }
        return events;
    }

    private static List<CanonicalEvent> traced() {
        List<CanonicalEvent> events = new ArrayList<>();
        events.add(completed("traced", "t1", 40, 100));
        events.add(completed("traced", "t2", 40, 20));
        events.add(completed("traced", "t3", 20, 50));
        events.add(event("traced", "Product Returned", 18, EventJson.mapper().createObjectNode().put("order_id", "t3")
                .put("return_id", "r1").put("total", new BigDecimal("30")).put("currency", "EUR")));
        events.add(event("traced", "Order Refunded", 17, EventJson.mapper().createObjectNode().put("order_id", "t3")
                .put("total", new BigDecimal("30")).put("currency", "EUR")));
        events.add(completed("traced", "t4", 10, 80));
        events.add(completed("traced", "t5", 5, 60));
        events.add(event("traced", "Order Cancelled", 5, EventJson.mapper().createObjectNode().put("order_id", "t5")));
        events.add(event("late", "Order Refunded", 3, EventJson.mapper().createObjectNode().put("order_id", "l1")
                .put("total", new BigDecimal("15")).put("currency", "EUR")));
        events.add(completed("late", "l1", 9, 10));
        return events;
    }

    private static CanonicalEvent completed(String customer, String orderId, int daysAgo, int total) {
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", orderId)
                .put("total", new BigDecimal(total)).put("currency", "EUR");
        properties.putArray("products").addObject().put("product_id", "p1").put("price", new BigDecimal(total))
                .put("quantity", 1);
        return event(customer, "Order Completed", daysAgo, properties);
    }

    private static int sequence;

    private static CanonicalEvent event(String customer, String type, int daysAgo, ObjectNode properties) {
        Instant time = TODAY.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC)
                .plus(sequence, ChronoUnit.SECONDS);
        return new CanonicalEvent("ev-" + sequence++, type, null, "test-shop", time, time, customer, null, properties,
                null);
    }

    private Map<String, JsonNode> predictions(int expectedCustomers) {
        Map<String, JsonNode> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = rig.consumer(Topics.PREDICTIONS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value = EventJson.mapper().readTree(record.value());
                    assertThat(value.get("customerId").asString()).isEqualTo(record.key());
                    latest.put(record.key(), value);
                }
                return latest.size() >= expectedCustomers;
            });
        }
        return latest;
    }
}
