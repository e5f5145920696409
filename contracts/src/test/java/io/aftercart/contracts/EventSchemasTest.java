package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.Examples.InvalidExample;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    private final EventSchemas schemas = EventSchemas.shared();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void validExamplePasses(EventType type) {
        assertThat(schemas.validate(type, Examples.valid(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasInvalidExamples(EventType type) {
        assertThat(Examples.invalid(type)).isNotEmpty();
    }

    static Stream<Arguments> invalidExamples() {
        return Stream.of(EventType.values())
                .flatMap(type -> Examples.invalid(type).stream().map(example -> Arguments.of(type, example)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidExamples")
    void invalidExampleFailsAtExpectedPath(EventType type, InvalidExample example) {
        List<SchemaViolation> violations = schemas.validate(type, example.properties());
        assertThat(violations).extracting(SchemaViolation::path).contains(example.expectedPath());
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void extensionPropertiesAreAccepted(EventType type) {
        ObjectNode properties = Examples.valid(type);
        properties.put("shop_specific_flag", true);
        properties.putObject("x_campaign").put("utm_source", "newsletter");
        assertThat(schemas.validate(type, properties)).isEmpty();
    }

    @Test
    void extensionPropertiesInsideProductsAreAccepted() {
        ObjectNode order = Examples.valid(EventType.ORDER_COMPLETED);
        ((ObjectNode) order.withArray("products").get(0)).put("gift_wrap", true);
        assertThat(schemas.validate(EventType.ORDER_COMPLETED, order)).isEmpty();
    }

    @Test
    void missingRequiredPropertyIsNamedByItsPath() {
        ObjectNode order = Examples.valid(EventType.ORDER_COMPLETED);
        order.remove("order_id");
        ((ObjectNode) order.withArray("products").get(1)).remove("quantity");
        assertThat(schemas.validate(EventType.ORDER_COMPLETED, order))
                .extracting(SchemaViolation::path)
                .containsExactlyInAnyOrder("$.order_id", "$.products[1].quantity");
    }

    @Test
    void reportsEveryViolationNotJustTheFirst() {
        ObjectNode order = Examples.valid(EventType.ORDER_COMPLETED);
        order.put("total", -1).put("currency", "eur");
        ((ObjectNode) order.withArray("products").get(0)).put("price", -2);
        assertThat(schemas.validate(EventType.ORDER_COMPLETED, order))
                .extracting(SchemaViolation::path)
                .containsExactlyInAnyOrder("$.total", "$.currency", "$.products[0].price");
    }

    @Test
    void zeroMoneyIsAllowed() {
        ObjectNode order = Examples.valid(EventType.ORDER_COMPLETED);
        order.put("total", 0).put("discount", 0.0);
        ((ObjectNode) order.withArray("products").get(0)).put("price", 0);
        assertThat(schemas.validate(EventType.ORDER_COMPLETED, order)).isEmpty();
    }

    @Test
    void currencyMustBeAnActiveIso4217Code() {
        ObjectNode refund = Examples.valid(EventType.ORDER_REFUNDED);
        for (String code : List.of("EUR", "USD", "JPY", "CHF", "SLE", "VES", "ZWG", "XCG")) {
            assertThat(schemas.validate(EventType.ORDER_REFUNDED, refund.put("currency", code))).as(code).isEmpty();
        }
        for (String code : List.of("DEM", "FRF", "HRK", "VEF", "XTS", "XXX", "XAU", "Eur", "EU", "EURO")) {
            assertThat(schemas.validate(EventType.ORDER_REFUNDED, refund.put("currency", code)))
                    .as(code).extracting(SchemaViolation::path).containsExactly("$.currency");
        }
        // the message stays short: it travels in dead-letter headers and problem responses
        assertThat(schemas.validate(EventType.ORDER_REFUNDED, refund.put("currency", "DEM")).get(0).message())
                .contains("allowed values").doesNotContain("EUR").hasSizeLessThan(200);
    }

    @Test
    void dateTimesNeedAnOffsetAndAValidDate() {
        ObjectNode shipped = Examples.valid(EventType.ORDER_SHIPPED);
        for (String ok : List.of("2025-03-14T18:00:00Z", "2025-03-14T18:00:00.123+01:00", "2024-02-29T00:00:00Z")) {
            assertThat(schemas.validate(EventType.ORDER_SHIPPED, shipped.put("estimated_delivery", ok))).as(ok)
                    .isEmpty();
        }
        for (String bad : List.of("2025-03-14T18:00:00", "2025-02-30T18:00:00Z", "2025-03-14 18:00", "1741975200")) {
            assertThat(schemas.validate(EventType.ORDER_SHIPPED, shipped.put("estimated_delivery", bad))).as(bad)
                    .extracting(SchemaViolation::path).containsExactly("$.estimated_delivery");
        }
    }

    @Test
    void productReturnedNeedsCurrencyOnlyWithATotal() {
        ObjectNode returned = Examples.valid(EventType.PRODUCT_RETURNED);
        returned.remove("total");
        returned.remove("currency");
        assertThat(schemas.validate(EventType.PRODUCT_RETURNED, returned)).isEmpty();
        returned.put("total", 10);
        assertThat(schemas.validate(EventType.PRODUCT_RETURNED, returned))
                .extracting(SchemaViolation::path).containsExactly("$.currency");
    }

    @Test
    void customTrackAcceptsAnyObjectButNotOtherJson() {
        ObjectNode anything = EventJson.mapper().createObjectNode();
        anything.putArray("nested").add(1).add("two");
        assertThat(schemas.validate(EventType.CUSTOM_TRACK, anything)).isEmpty();
        ArrayNode array = EventJson.mapper().createArrayNode();
        assertThat(schemas.validate(EventType.CUSTOM_TRACK, array))
                .extracting(SchemaViolation::path).containsExactly("$");
    }

    @Test
    void nullPropertiesAreInvalid() {
        assertThat(schemas.validate(EventType.ORDER_DELIVERED, null))
                .extracting(SchemaViolation::path).containsExactly("$");
    }

    @Test
    void propertyNamesThatAreNotIdentifiersUseBracketNotation() {
        ObjectNode consent = Examples.valid(EventType.CONSENT_UPDATED);
        ((ObjectNode) consent.get("purposes")).put("third-party ads", "no");
        assertThat(schemas.validate(EventType.CONSENT_UPDATED, consent))
                .extracting(SchemaViolation::path).containsExactly("$.purposes['third-party ads']");
    }
}
