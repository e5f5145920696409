package io.aftercart.bench;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.events.ReturnReasonCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three years (2023–2025) of a synthetic shop's events, generated customer by customer from a fixed seed: each
 * customer's first order falls anywhere in the three years, and after each order another follows with probability
 * 0.55 after an exponential gap of 60 days on average. Every order is preceded by three page views; it is cancelled
 * (3 %) or delivered; 8 % of orders see one line returned and refunded, 15 % an NPS answer, 4 % a support ticket
 * opened and resolved. Products: 5,000 in 40 categories, one to three lines per order, amounts in the reporting
 * currency (GBP).
 */
final class ShopHistory {

    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final int DAYS = 3 * 365;
    private static final int PRODUCTS = 5_000;
    private static final int CATEGORIES = 40;
    private static final double REPEAT_PROBABILITY = 0.55;
    private static final double MEAN_DAYS_BETWEEN_ORDERS = 60;
    private static final ReturnReasonCode[] REASONS = ReturnReasonCode.values();

    private final Random random = new Random(42);
    private final BigDecimal[] prices = new BigDecimal[PRODUCTS];
    private long customers;

    ShopHistory() {
        for (int p = 0; p < PRODUCTS; p++) {
            prices[p] = BigDecimal.valueOf(199 + random.nextInt(19_800), 2);
        }
    }

    /** Hands {@code events} events to {@code sink} in batches of {@code batchSize} (the last may be smaller). */
    void generate(long events, int batchSize, Consumer<List<CanonicalEvent>> sink) {
        List<CanonicalEvent> batch = new ArrayList<>(batchSize + 64);
        long generated = 0;
        while (generated < events) {
            List<CanonicalEvent> customer = customer("c" + customers++);
            for (CanonicalEvent event : customer.subList(0, (int) Math.min(customer.size(), events - generated))) {
                batch.add(event);
                if (batch.size() == batchSize) {
                    sink.accept(batch);
                    batch = new ArrayList<>(batchSize + 64);
                }
            }
            generated += customer.size();
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /** Customers generated so far. */
    long customers() {
        return customers;
    }

    private List<CanonicalEvent> customer(String customerId) {
        List<CanonicalEvent> events = new ArrayList<>();
        Instant end = START.plusDays(DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant time = START.atStartOfDay().toInstant(ZoneOffset.UTC)
                .plusSeconds((long) (random.nextDouble() * DAYS * 86_400));
        int order = 0;
        do {
            order(customerId, customerId + "-o" + order++, time, events);
            time = time.plusSeconds((long) (-Math.log(1 - random.nextDouble()) * MEAN_DAYS_BETWEEN_ORDERS * 86_400));
        } while (random.nextDouble() < REPEAT_PROBABILITY && time.isBefore(end));
        return events;
    }

    private void order(String customerId, String orderId, Instant time, List<CanonicalEvent> events) {
        int[] products = new int[1 + random.nextInt(3)];
        for (int i = 0; i < products.length; i++) {
            products[i] = random.nextInt(PRODUCTS);
            ObjectNode page = properties().put("path", "/products/p" + products[i]).put("title", "Product "
                    + products[i]);
            events.add(event("page", customerId, time.minusSeconds(60L * (products.length - i)), page));
        }
        ObjectNode completed = properties().put("order_id", orderId).put("currency", "GBP");
        ArrayNode lines = completed.putArray("products");
        BigDecimal total = BigDecimal.ZERO;
        int[] quantities = new int[products.length];
        for (int i = 0; i < products.length; i++) {
            quantities[i] = 1 + (random.nextInt(10) == 0 ? random.nextInt(4) : 0);
            line(lines, products[i], quantities[i]);
            total = total.add(prices[products[i]].multiply(BigDecimal.valueOf(quantities[i])));
        }
        completed.put("total", total);
        events.add(event("Order Completed", customerId, time, completed));
        if (random.nextInt(100) < 3) {
            events.add(event("Order Cancelled", customerId, time.plus(Duration.ofHours(2)),
                    properties().put("order_id", orderId).put("currency", "GBP").put("total", total)));
            return;
        }
        events.add(event("Order Delivered", customerId, time.plus(Duration.ofDays(2 + random.nextInt(4))),
                properties().put("order_id", orderId)));
        if (random.nextInt(100) < 8) {
            int returned = random.nextInt(products.length);
            Instant at = time.plus(Duration.ofDays(7 + random.nextInt(14)));
            ObjectNode productReturned = properties().put("order_id", orderId).put("return_id", orderId + "-r")
                    .put("currency", "GBP").put("reason_code", REASONS[random.nextInt(REASONS.length)].wireValue());
            line(productReturned.putArray("products"), products[returned], quantities[returned]);
            events.add(event("Product Returned", customerId, at, productReturned));
            events.add(event("Order Refunded", customerId, at.plus(Duration.ofDays(1)), properties()
                    .put("order_id", orderId).put("currency", "GBP")
                    .put("total", prices[products[returned]].multiply(BigDecimal.valueOf(quantities[returned])))));
        }
        if (random.nextInt(100) < 15) {
            int score = Math.min(10, Math.max(0, (int) Math.round(8 + random.nextGaussian() * 2.5)));
            events.add(event("NPS Survey Responded", customerId, time.plus(Duration.ofDays(10)),
                    properties().put("score", score).put("order_id", orderId)));
        }
        if (random.nextInt(100) < 4) {
            String ticket = orderId + "-t";
            Instant opened = time.plus(Duration.ofDays(3));
            events.add(event("Support Ticket Opened", customerId, opened, properties().put("ticket_id", ticket)
                    .put("subject", "Where is my order?").put("order_id", orderId)));
            events.add(event("Support Ticket Resolved", customerId,
                    opened.plus(Duration.ofMinutes(30 + random.nextInt(4_000))),
                    properties().put("ticket_id", ticket)));
        }
    }

    private void line(ArrayNode lines, int product, int quantity) {
        lines.addObject().put("product_id", "p" + product).put("category", "category-" + product % CATEGORIES)
                .put("price", prices[product].setScale(2, RoundingMode.UNNECESSARY)).put("quantity", quantity);
    }

    private CanonicalEvent event(String type, String customerId, Instant time, ObjectNode properties) {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        return new CanonicalEvent(id, type, null, "bench", time, time, customerId, null, properties, null);
    }

    private static ObjectNode properties() {
        return EventJson.mapper().createObjectNode();
    }
}
