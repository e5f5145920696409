package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.OrderShipped;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ReturnReasonCode;
import io.aftercart.contracts.events.ReturnRequested;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

    private static CanonicalEvent sampleEvent() {
        ObjectNode context = EventJson.mapper().createObjectNode().put("locale", "de-DE");
        return new CanonicalEvent("msg-1", "Order Completed", EventType.ORDER_COMPLETED.schemaRef(), "demo-shop",
                Instant.parse("2025-03-10T14:22:05.120Z"), Instant.parse("2025-03-10T14:22:05.480123Z"),
                "cust-4711", null, Examples.valid(EventType.ORDER_COMPLETED), context);
    }

    @Test
    void roundTripKeepsEveryField() {
        CanonicalEvent event = sampleEvent();
        assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
    }

    /** The module that writes and reads instants directly agrees with Jackson's own java.time support. */
    @ParameterizedTest
    @ValueSource(strings = {"\"2025-03-10T14:22:05Z\"", "\"2025-03-10T14:22:05.120Z\"",
            "\"2025-03-10T14:22:05.000000001+05:30\"", "\" 2025-03-10T14:22:05Z \"",
            "\"+12025-03-10T14:22:05Z\"", "1741616525", "1741616525.5", "\"1741616525\""})
    void readsAndWritesInstantsAsJacksonDoes(String json) {
        JsonMapper jackson = JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        Instant expected = jackson.readValue(json, Instant.class);

        assertThat(EventJson.mapper().readValue(json, Instant.class)).isEqualTo(expected);
        assertThat(EventJson.mapper().writeValueAsString(expected)).isEqualTo(jackson.writeValueAsString(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2025-02-29T14:22:05Z\"", "\"2025-03-10T14:22:05+0100\"", "\"yesterday\"", "true"})
    void refusesWhatJacksonRefuses(String json) {
        JsonMapper jackson = JsonMapper.builder().build();
        assertThatThrownBy(() -> jackson.readValue(json, Instant.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> EventJson.mapper().readValue(json, Instant.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void writesInstantsAsIsoStringsAndOmitsNulls() {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(sampleEvent()));
        assertThat(json.get("time").asString()).isEqualTo("2025-03-10T14:22:05.120Z");
        assertThat(json.get("receivedAt").asString()).isEqualTo("2025-03-10T14:22:05.480123Z");
        assertThat(json.has("anonymousId")).isFalse();
        // only the record components travel; helper methods such as partitionKey() are not properties
        assertThat(json.propertyNames()).containsExactlyInAnyOrder(
                "id", "type", "schema", "source", "time", "receivedAt", "customerId", "properties", "context");
    }

    @Test
    void readIgnoresUnknownPropertiesAndKeepsMoneyExact() {
        String json = """
                {"id":"m","type":"Order Refunded","schema":"order_refunded/1-0-0","source":"s",
                 "time":"2025-03-10T14:22:05Z","receivedAt":"2025-03-10T14:22:06Z","anonymousId":"a",
                 "specversion":"1.0","properties":{"order_id":"o","total":0.1,"currency":"EUR"}}""";
        CanonicalEvent event = EventJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(event.anonymousId()).isEqualTo("a");
        assertThat(event.time()).isEqualTo(Instant.parse("2025-03-10T14:22:05Z"));
        assertThat(event.properties().get("total").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(event.partitionKey()).isEqualTo("a");
        assertThat(event.eventType()).contains(EventType.ORDER_REFUNDED);
    }

    @Test
    void propertiesMapOntoRecords() {
        OrderCompleted order = sampleEvent().propertiesAs(OrderCompleted.class);
        assertThat(order.orderId()).isEqualTo("ord-100234");
        assertThat(order.total()).isEqualByComparingTo(new BigDecimal("67.30"));
        assertThat(order.currency()).isEqualTo("EUR");
        Product first = order.products().get(0);
        assertThat(first.productId()).isEqualTo("sku-tee-001");
        assertThat(first.imageUrl()).isEqualTo("https://cdn.example.com/img/tee-black.jpg");
        assertThat(first.quantity()).isEqualTo(2);

        OrderShipped shipped = EventJson.propertiesAs(Examples.valid(EventType.ORDER_SHIPPED), OrderShipped.class);
        assertThat(shipped.estimatedDelivery()).isEqualTo(Instant.parse("2025-03-14T17:00:00Z"));
        ReturnRequested requested = EventJson.propertiesAs(Examples.valid(EventType.RETURN_REQUESTED),
                ReturnRequested.class);
        assertThat(requested.reasonCode()).isEqualTo(ReturnReasonCode.WRONG_SIZE);
    }

    @Test
    void recordsWriteSchemaValidSnakeCaseProperties() {
        Product tee = new Product("sku-1", null, "Tee", null, null, null, new BigDecimal("24.90"), 1, null, null);
        OrderCompleted order = new OrderCompleted("ord-1", new BigDecimal("24.90"), null, null, null, null, null, null,
                "EUR", List.of(tee));
        ObjectNode properties = EventJson.toProperties(order);
        assertThat(properties.has("order_id")).isTrue();
        assertThat(properties.has("coupon")).isFalse();
        assertThat(EventSchemas.shared().validate(EventType.ORDER_COMPLETED, properties)).isEmpty();
    }

    /** Example to record and back must stay valid, so records and schemas cannot silently drift apart. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void validExampleSurvivesRecordRoundTrip(EventType type) {
        Object record = EventJson.propertiesAs(Examples.valid(type), type.propertiesType());
        ObjectNode again = EventJson.toProperties(record);
        assertThat(EventSchemas.shared().validate(type, again)).isEmpty();
    }
}
