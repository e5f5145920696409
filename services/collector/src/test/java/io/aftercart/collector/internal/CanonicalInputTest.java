package io.aftercart.collector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventSchemas;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CanonicalInputTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Arrival ARRIVAL = new Arrival("erp", "kafka", Instant.parse("2025-03-10T15:00:00Z"), null);

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"c\"}",
            "{\"type\":\"identify\",\"anonymousId\":\"a\",\"traits\":{}}",
            "{\"type\":\"page\",\"messageId\":\"m\",\"id\":\"x\",\"userId\":\"c\"}",
            "{\"type\":\"alias\",\"userId\":\"c\",\"previousId\":\"a\"}"})
    void recognisesSegmentMessages(String json) {
        assertThat(CanonicalInput.isCanonical(parse(json))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"Order Completed\",\"customerId\":\"c\"}",
            "{\"type\":\"identify\",\"customerId\":\"c\"}",
            "{\"type\":\"page\",\"id\":\"x\",\"anonymousId\":\"a\"}",
            "{\"customerId\":\"c\"}",
            "{\"type\":7}"})
    void recognisesCanonicalEvents(String json) {
        assertThat(CanonicalInput.isCanonical(parse(json))).isTrue();
    }

    @Test
    void restatesTheValidEnvelopeAsATrackCall() {
        ObjectNode envelope = Examples.validEnvelope();

        JsonNode message = CanonicalInput.toSegment(envelope);

        assertThat(message.get("type").asString()).isEqualTo("track");
        assertThat(message.get("event").asString()).isEqualTo("Order Completed");
        assertThat(message.get("messageId").asString()).isEqualTo(envelope.get("id").asString());
        assertThat(message.get("userId").asString()).isEqualTo("cust-4711");
        assertThat(message.get("anonymousId").asString()).isEqualTo("anon-5c1e0b");
        assertThat(message.get("timestamp").asString()).isEqualTo("2025-03-10T14:22:05.120Z");
        assertThat(message.get("properties")).isEqualTo(envelope.get("properties"));
        assertThat(message.get("context")).isEqualTo(envelope.get("context"));
        assertThat(message.has("customerId") || message.has("id") || message.has("time")).isFalse();
    }

    @Test
    void theRestatedEnvelopeNormalisesBackToTheSameEvent() {
        ObjectNode envelope = Examples.validEnvelope();

        Normalized normalized = new SegmentNormalizer(EventSchemas.shared())
                .normalize(CanonicalInput.toSegment(envelope), null, ARRIVAL);

        CanonicalEvent expected = EventJson.mapper().treeToValue(envelope, CanonicalEvent.class);
        assertThat(normalized.event()).usingRecursiveComparison()
                .ignoringFields("source", "receivedAt")
                .isEqualTo(expected);
        assertThat(normalized.event().source()).isEqualTo("erp");
        assertThat(normalized.event().receivedAt()).isEqualTo(ARRIVAL.receivedAt());
    }

    @Test
    void identifyPropertiesBecomeTraits() {
        ObjectNode event = NODES.objectNode().put("type", "identify").put("customerId", "c");
        event.set("properties", Examples.valid(EventType.IDENTIFY));

        JsonNode message = CanonicalInput.toSegment(event);

        assertThat(message.get("type").asString()).isEqualTo("identify");
        assertThat(message.has("event")).isFalse();
        assertThat(message.get("traits")).isEqualTo(Examples.valid(EventType.IDENTIFY));
        assertThat(message.has("properties")).isFalse();
    }

    @Test
    void groupAndAliasIdsComeOutOfTheProperties() {
        ObjectNode group = NODES.objectNode().put("type", "group").put("customerId", "c");
        group.putObject("properties").put("group_id", "acme").put("name", "Acme GmbH");
        JsonNode groupCall = CanonicalInput.toSegment(group);
        assertThat(groupCall.get("groupId").asString()).isEqualTo("acme");
        assertThat(groupCall.get("traits").get("name").asString()).isEqualTo("Acme GmbH");

        ObjectNode alias = NODES.objectNode().put("type", "alias").put("customerId", "c");
        alias.putObject("properties").put("previous_id", "anon-1");
        JsonNode aliasCall = CanonicalInput.toSegment(alias);
        assertThat(aliasCall.get("type").asString()).isEqualTo("alias");
        assertThat(aliasCall.get("previousId").asString()).isEqualTo("anon-1");
        assertThat(aliasCall.has("properties") || aliasCall.has("traits")).isFalse();
    }

    @Test
    void leavesAbsentAndNullFieldsOut() {
        ObjectNode event = NODES.objectNode().put("type", "Product Used").putNull("customerId").putNull("time");

        JsonNode message = CanonicalInput.toSegment(event);

        assertThat(message).isEqualTo(NODES.objectNode().put("type", "track").put("event", "Product Used"));
    }

    @Test
    void aCanonicalEventWithoutTypeBecomesATrackWithoutName() {
        JsonNode message = CanonicalInput.toSegment(NODES.objectNode().put("customerId", "c"));

        assertThat(message).isEqualTo(NODES.objectNode().put("type", "track").put("userId", "c"));
    }

    @Test
    void passesNonObjectsThrough() {
        JsonNode array = NODES.arrayNode().add(1);

        assertThat(CanonicalInput.toSegment(array)).isSameAs(array);
    }

    @ParameterizedTest
    @CsvSource({
            "$.userId,                $.customerId",
            "$.messageId,             $.id",
            "$.event,                 $.type",
            "$.timestamp,             $.time",
            "$.groupId,               $.properties.group_id",
            "$.previousId,            $.properties.previous_id",
            "$.traits,                $.properties",
            "$.traits.email,          $.properties.email",
            "$.properties.products[0].price, $.properties.products[0].price",
            "$.anonymousId,           $.anonymousId",
            "$,                       $"})
    void statesRejectionPathsInCanonicalNames(String segmentPath, String canonicalPath) {
        assertThat(CanonicalInput.canonicalPath(segmentPath)).isEqualTo(canonicalPath);
    }

    private static JsonNode parse(String json) {
        return EventJson.mapper().readTree(json);
    }
}
