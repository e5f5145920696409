package io.aftercart.bench.intelligence;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical events of a shop with a fixed set of customers, as the collector publishes them (id, schema, source,
 * skew-corrected time, a browser context). Mix {@code orders}: {@code Order Completed} only, the stream the
 * all-in-one was profiled with. Mix {@code catalogue}: each order comes with three page views, shipping and
 * delivery, and now and then a review, NPS answer, support ticket or return. Orders are in the reporting currency
 * (GBP) with one to four lines from a thousand products, so every listener does its full work on them.
 */
final class OrderStream {

    private static final int PRODUCTS = 1_000;
    private static final String[] REVIEWS = {
            "Love it, great quality and fast delivery!", "Terrible, it broke after a week. Very disappointed.",
            "It is okay, nothing special.", "The fit is perfect and the price was fair."};

    private final Random random = new Random(42);
    private final int customers;
    private final boolean catalogue;
    private long orders;

    OrderStream(int customers, String mix) {
        if (!mix.equals("orders") && !mix.equals("catalogue")) {
            throw new IllegalArgumentException("--mix is orders or catalogue, not " + mix);
        }
        this.customers = customers;
        this.catalogue = mix.equals("catalogue");
    }

    /**
     * At least {@code count} events (whole orders) with times spread over {@code [from, to)}, in time order per order.
     */
    List<CanonicalEvent> events(int count, Instant from, Instant to) {
        List<CanonicalEvent> events = new ArrayList<>(count + 16);
        long span = Duration.between(from, to).toSeconds();
        while (events.size() < count) {
            Instant time = from.plusSeconds((long) (random.nextDouble() * span)).truncatedTo(ChronoUnit.MILLIS);
            order(String.format("cus-%06d", random.nextInt(customers)), time, events);
        }
        return events;
    }

    private void order(String customer, Instant time, List<CanonicalEvent> events) {
        String orderId = "ord-" + orders++;
        ObjectNode completed = properties().put("order_id", orderId).put("currency", "GBP");
        ArrayNode lines = completed.putArray("products");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            int product = random.nextInt(PRODUCTS);
            BigDecimal price = BigDecimal.valueOf(500 + product * 7L % 9_500, 2);
            int quantity = 1 + random.nextInt(3);
            lines.addObject().put("product_id", "sku-" + product).put("sku", "SKU-" + product)
                    .put("name", "Product " + product).put("category", "category-" + product % 40)
                    .put("price", price).put("quantity", quantity);
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
            if (catalogue) {
                events.add(event(EventType.PAGE, customer, time.minusSeconds(60L * (i + 1)),
                        properties().put("path", "/products/" + product).put("title", "Product " + product)));
            }
        }
        events.add(event(EventType.ORDER_COMPLETED, customer, time, completed.put("total", total)));
        if (!catalogue) {
            return;
        }
        events.add(event(EventType.ORDER_SHIPPED, customer, time.plus(Duration.ofDays(1)),
                properties().put("order_id", orderId).put("carrier", "DHL")));
        events.add(event(EventType.ORDER_DELIVERED, customer, time.plus(Duration.ofDays(3)),
                properties().put("order_id", orderId)));
        int dice = random.nextInt(100);
        if (dice < 20) {
            events.add(event(EventType.PRODUCT_REVIEWED, customer, time.plus(Duration.ofDays(5)), properties()
                    .put("product_id", lines.get(0).get("product_id").asString()).put("order_id", orderId)
                    .put("review_id", orderId + "-rv").put("rating", 1 + random.nextInt(5))
                    .put("review_body", REVIEWS[random.nextInt(REVIEWS.length)])));
        } else if (dice < 35) {
            events.add(event(EventType.NPS_SURVEY_RESPONDED, customer, time.plus(Duration.ofDays(10)),
                    properties().put("score", random.nextInt(11)).put("order_id", orderId)
                            .put("comment", "Friendly service, but shipping was slow.")));
        } else if (dice < 39) {
            events.add(event(EventType.SUPPORT_TICKET_OPENED, customer, time.plus(Duration.ofDays(2)),
                    properties().put("ticket_id", orderId + "-t").put("order_id", orderId)
                            .put("subject", "Where is my order?").put("body", "It has not arrived yet.")));
        } else if (dice < 47) {
            ObjectNode returned = properties().put("order_id", orderId).put("return_id", orderId + "-r")
                    .put("currency", "GBP").put("reason_code", "damaged");
            returned.putArray("products").add(lines.get(0).deepCopy());
            events.add(event(EventType.PRODUCT_RETURNED, customer, time.plus(Duration.ofDays(8)), returned));
        }
    }

    private CanonicalEvent event(EventType type, String customer, Instant time, ObjectNode properties) {
        ObjectNode context = properties();
        context.putObject("library").put("name", "analytics.js").put("version", "4.1.0");
        context.put("locale", "en-GB").put("ip", "203.0.113.7").put("userAgent",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        return new CanonicalEvent(new UUID(random.nextLong(), random.nextLong()).toString(), type.wireName(),
                type.schemaRef(), "bench-shop", time, time.plusMillis(300), customer, "anon-" + customer, properties,
                context);
    }

    private static ObjectNode properties() {
        return EventJson.mapper().createObjectNode();
    }
}
