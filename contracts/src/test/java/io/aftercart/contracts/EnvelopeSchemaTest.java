package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.Examples.InvalidExample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EnvelopeSchemaTest {

    private final EventSchemas schemas = EventSchemas.shared();

    @Test
    void validEnvelopePasses() {
        assertThat(schemas.validateEnvelope(Examples.validEnvelope())).isEmpty();
    }

    static List<InvalidExample> invalidEnvelopes() {
        return Examples.invalidEnvelopes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void invalidEnvelopeFailsAtExpectedPath(InvalidExample example) {
        assertThat(schemas.validateEnvelope(example.properties()))
                .extracting(SchemaViolation::path).contains(example.expectedPath());
    }

    @Test
    void eitherIdentityIsEnough() {
        ObjectNode anonymous = Examples.validEnvelope();
        anonymous.remove("customerId");
        assertThat(schemas.validateEnvelope(anonymous)).isEmpty();
        ObjectNode known = Examples.validEnvelope();
        known.putNull("anonymousId");
        assertThat(schemas.validateEnvelope(known)).isEmpty();
    }

    @Test
    void envelopeWrittenByEventJsonIsValid() {
        ObjectNode properties = Examples.valid(EventType.ORDER_DELIVERED);
        CanonicalEvent event = new CanonicalEvent("m-1", "Order Delivered", EventType.ORDER_DELIVERED.schemaRef(),
                "oms", Instant.parse("2025-03-10T14:22:05Z"), Instant.parse("2025-03-10T14:22:06.5Z"),
                null, "anon-1", properties, EventJson.mapper().createObjectNode());
        JsonNode json = EventJson.mapper().readTree(EventJson.write(event));
        assertThat(schemas.validateEnvelope(json)).isEmpty();
    }
}
