package io.aftercart.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic Segment {@code track} calls of the post-purchase catalogue (mostly orders with products, then shipping,
 * delivery, returns, reviews, NPS and tickets) from many customers, each with a unique messageId. The events are
 * serialised once up front, without their messageId, so generating a request costs the load generator next to
 * nothing and the collector's CPU is what is measured.
 */
final class EventPayloads {

    /** Post-purchase event types and how often each is drawn. */
    private static final List<EventType> MIX = List.of(
            EventType.ORDER_COMPLETED, EventType.ORDER_COMPLETED, EventType.ORDER_COMPLETED,
            EventType.ORDER_SHIPPED, EventType.ORDER_SHIPPED, EventType.ORDER_DELIVERED, EventType.ORDER_DELIVERED,
            EventType.RETURN_REQUESTED, EventType.PRODUCT_REVIEWED, EventType.NPS_SURVEY_RESPONDED,
            EventType.SUPPORT_TICKET_OPENED);
    private static final int TEMPLATES = 5_000;
    private static final int CUSTOMERS = 50_000;

    /** Each event's JSON after its opening brace, so a messageId can be put in front without re-serialising. */
    private final List<String> tails = new ArrayList<>(TEMPLATES);
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private final long averageEventBytes;

    EventPayloads(long seed) {
        Random random = new Random(seed);
        String timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        long bytes = 0;
        for (int i = 0; i < TEMPLATES; i++) {
            String json = EventJson.mapper().writeValueAsString(event(random, timestamp));
            tails.add(json.substring(1));
            bytes += json.length() + 40;
        }
        averageEventBytes = bytes / TEMPLATES;
    }

    long averageEventBytes() {
        return averageEventBytes;
    }

    /** A {@code /v1/batch} body of {@code count} new events. */
    byte[] batch(int count) {
        StringBuilder body = new StringBuilder((int) (count * (averageEventBytes + 16)) + 64).append("{\"batch\":[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                body.append(',');
            }
            appendEvent(body);
        }
        return body.append("],\"sentAt\":\"").append(Instant.now()).append("\"}").toString().getBytes(UTF_8);
    }

    /** A {@code /v1/track} body of one new event. */
    byte[] single() {
        return appendEvent(new StringBuilder((int) averageEventBytes + 64)).toString().getBytes(UTF_8);
    }

    private StringBuilder appendEvent(StringBuilder body) {
        long n = sequence.getAndIncrement();
        return body.append("{\"messageId\":\"bench-").append(runId).append('-').append(n).append("\",")
                .append(tails.get((int) (n % TEMPLATES)));
    }

    private static ObjectNode event(Random random, String timestamp) {
        EventType type = MIX.get(random.nextInt(MIX.size()));
        ObjectNode properties = Examples.valid(type);
        String orderId = "ord-" + (1_000_000 + random.nextInt(9_000_000));
        if (properties.has("order_id")) {
            properties.put("order_id", orderId);
        }
        if (properties.get("products") instanceof ArrayNode products) {
            vary(products, random);
        }
        if (type == EventType.ORDER_COMPLETED) {
            double total = Math.round((20 + random.nextDouble() * 280) * 100) / 100.0;
            properties.put("total", total).put("revenue", total).put("subtotal", total);
        }
        ObjectNode event = EventJson.mapper().createObjectNode();
        event.put("type", "track");
        event.put("userId", String.format("cus-%06d", random.nextInt(CUSTOMERS)));
        event.put("event", type.wireName());
        event.set("properties", properties);
        event.put("originalTimestamp", timestamp);
        ObjectNode context = event.putObject("context");
        context.putObject("library").put("name", "analytics-java").put("version", "3.5.1");
        context.put("ip", "127.0.0.1");
        return event;
    }

    /** One to four line items from a catalogue of a thousand products, so the events are not all alike. */
    private static void vary(ArrayNode products, Random random) {
        JsonNode template = products.get(0);
        products.removeAll();
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            ObjectNode product = (ObjectNode) template.deepCopy();
            int sku = random.nextInt(1_000);
            product.put("product_id", "sku-" + sku);
            product.put("sku", "SKU-" + sku);
            product.put("price", Math.round((5 + random.nextDouble() * 95) * 100) / 100.0);
            product.put("quantity", 1 + random.nextInt(3));
            products.add(product);
        }
    }
}
