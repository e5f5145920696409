package io.aftercart.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One definition of net revenue across services: the all-in-one, started in this JVM, gets orders, returns with and
 * without their refunds, cancellations with and without an amount and a refund that arrives before its order, through
 * the collector's HTTP API. The profiles' net revenues must add up to the KPI API's net revenue, and both to the
 * figure worked out here by hand.
 */
class NetRevenueConsistencyIT {

    private static final String ADMIN_PASSWORD = "net-revenue-admin-password";
    private static final String WRITE_KEY = "net-revenue-write-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONSUMED_WITHIN = Duration.ofSeconds(40);
    private static final Instant DAY = Instant.parse("2025-06-02T10:00:00Z");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ObjectNode> sent = new ArrayList<>();
    private URI base;

    @Test
    void profilesAndKpisAgreeOnNetRevenue() throws Exception {
        // ann: a1 100 - 30 returned and refunded (once) = 70; a2 50                       -> 120
        // ben: b1 80 - 20 returned, no refund = 60; b2 40 cancelled without amount = 0      -> 60
        // cat: c1 60 - 25 refunded before the order arrived = 35;
        //      c2 90 - max(10 refunded, 10 cancelled) = 80                                 -> 115
        Map<String, BigDecimal> expected = Map.of("ann", new BigDecimal("120"), "ben", new BigDecimal("60"),
                "cat", new BigDecimal("115"));
        BigDecimal expectedTotal = new BigDecimal("295");

        try (ConfigurableApplicationContext app = start()) {
            base = URI.create("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port"));
            send(List.of(
                    refund("cat", "c1", 3, "25"),
                    order("ann", "a1", 0, "100"),
                    order("ben", "b1", 0, "80"),
                    order("ben", "b2", 1, "40"),
                    order("cat", "c2", 1, "90")));
            send(List.of(
                    order("cat", "c1", 1, "60"),
                    order("ann", "a2", 2, "50"),
                    returned("ann", "a1", 2, "30"),
                    refund("ann", "a1", 3, "30"),
                    returned("ben", "b1", 3, "20"),
                    cancellation("ben", "b2", 2, null),
                    cancellation("cat", "c2", 2, "10"),
                    refund("cat", "c2", 4, "10")));
            awaitConsumed();

            Map<String, BigDecimal> profiles = profileNetRevenues();
            assertThat(profiles).containsOnlyKeys(expected.keySet());
            expected.forEach((customer, net) ->
                    assertThat(profiles.get(customer)).as(customer).isEqualByComparingTo(net));
            BigDecimal profilesTotal = profiles.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(profilesTotal).isEqualByComparingTo(expectedTotal);
            assertThat(kpiNetRevenue()).isEqualByComparingTo(profilesTotal);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AftercartApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--aftercart.kafka.embedded-port=0",
                "--aftercart.data-dir=" + dataDir,
                "--aftercart.gateway.admin-password=" + ADMIN_PASSWORD,
                "--aftercart.collector.sources[0].name=consistency",
                "--aftercart.collector.sources[0].write-key=" + WRITE_KEY);
    }

    /** Until the warehouse holds every event and each profile's timeline shows each of its customer's events. */
    private void awaitConsumed() throws Exception {
        Map<String, Integer> perCustomer = new TreeMap<>();
        sent.forEach(event -> perCustomer.merge(event.get("userId").asString(), 1, Integer::sum));
        await("the warehouse", () -> get("/api/v1/events/counts").get("total").asLong() == sent.size());
        for (Map.Entry<String, Integer> customer : perCustomer.entrySet()) {
            await("the profile of " + customer.getKey(), () -> {
                HttpResponse<String> timeline = request("/api/v1/customers/" + customer.getKey()
                        + "/timeline?limit=100");
                return timeline.statusCode() == 200
                        && JSON.readTree(timeline.body()).get("events").size() == customer.getValue();
            });
        }
    }

    private Map<String, BigDecimal> profileNetRevenues() throws Exception {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/customers?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, UTF_8)));
            page.get("profiles").forEach(p -> net.put(p.get("customerId").asString(),
                    p.get("netRevenue").decimalValue()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return net;
    }

    private BigDecimal kpiNetRevenue() throws Exception {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode period : get("/api/v1/kpis/orders?granularity=month").get("periods")) {
            total = total.add(period.get("netRevenue").decimalValue());
        }
        return total;
    }

    private ObjectNode order(String customer, String orderId, int day, String total) {
        ObjectNode properties = properties(orderId, total);
        properties.putArray("products").addObject().put("product_id", "p-" + orderId)
                .put("price", new BigDecimal(total)).put("quantity", 1);
        return track(customer, "Order Completed", day, properties);
    }

    private ObjectNode returned(String customer, String orderId, int day, String value) {
        ObjectNode properties = properties(orderId, value).put("return_id", "r-" + orderId);
        properties.putArray("products").addObject().put("product_id", "p-" + orderId)
                .put("price", new BigDecimal(value)).put("quantity", 1);
        return track(customer, "Product Returned", day, properties);
    }

    private ObjectNode refund(String customer, String orderId, int day, String amount) {
        return track(customer, "Order Refunded", day, properties(orderId, amount));
    }

    /** @param amount the amount cancelled, or null for the whole order */
    private ObjectNode cancellation(String customer, String orderId, int day, String amount) {
        ObjectNode properties = amount == null ? JSON.createObjectNode().put("order_id", orderId)
                : properties(orderId, amount);
        return track(customer, "Order Cancelled", day, properties);
    }

    private static ObjectNode properties(String orderId, String amount) {
        return JSON.createObjectNode().put("order_id", orderId).put("total", new BigDecimal(amount))
                .put("currency", "GBP");
    }

    private ObjectNode track(String customer, String event, int day, ObjectNode properties) {
        ObjectNode track = JSON.createObjectNode().put("type", "track").put("event", event).put("userId", customer)
                .put("messageId", "net-" + sent.size())
                .put("timestamp", DAY.plus(Duration.ofDays(day)).plusSeconds(sent.size()).toString());
        track.set("properties", properties);
        sent.add(track);
        return track;
    }

    private void send(List<ObjectNode> events) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode batch = body.putArray("batch");
        events.forEach(batch::add);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/batch"))
                        .header("Authorization", basic(WRITE_KEY + ":"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("accepted").asInt()).as(response.body()).isEqualTo(events.size());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = request(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> request(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", basic("admin:" + ADMIN_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8));
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + CONSUMED_WITHIN.toNanos();
        while (!check.done()) {
            assertThat(System.nanoTime()).as(what + " within " + CONSUMED_WITHIN).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
