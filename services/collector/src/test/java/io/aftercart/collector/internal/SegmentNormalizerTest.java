package io.aftercart.collector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterReason;
import io.aftercart.contracts.EventSchemas;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import io.aftercart.contracts.Examples.InvalidExample;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class SegmentNormalizerTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant RECEIVED = Instant.parse("2025-03-10T14:22:05.480Z");
    private static final Arrival ARRIVAL = new Arrival("web", "http", RECEIVED, null);

    private final SegmentNormalizer normalizer = new SegmentNormalizer(EventSchemas.shared());

    static Stream<EventType> catalogueTracks() {
        return Arrays.stream(EventType.values()).filter(t -> t.isTrack() && t != EventType.CUSTOM_TRACK);
    }

    @ParameterizedTest
    @MethodSource("catalogueTracks")
    void acceptsEachCatalogueTrackWithItsExampleProperties(EventType type) {
        ObjectNode message = track(type.wireName(), Examples.valid(type));
        message.put("messageId", "m-" + type.schemaKey());
        message.putObject("context").put("locale", "de-DE");

        CanonicalEvent event = accepted(normalizer.normalize(message, null, ARRIVAL));

        assertThat(event.id()).isEqualTo("m-" + type.schemaKey());
        assertThat(event.type()).isEqualTo(type.wireName());
        assertThat(event.schema()).isEqualTo(type.schemaRef());
        assertThat(event.source()).isEqualTo("web");
        assertThat(event.customerId()).isEqualTo("cust-1");
        assertThat(event.anonymousId()).isNull();
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
        assertThat(event.properties()).isEqualTo(Examples.valid(type));
        assertThat(event.context().get("locale").asString()).isEqualTo("de-DE");
        assertThat(event.eventType()).contains(type);
    }

    @Test
    void keepsTheNameOfACustomTrackEvent() {
        CanonicalEvent event = accepted(normalizer.normalize(
                track("Wishlist Shared", Examples.valid(EventType.CUSTOM_TRACK)), null, ARRIVAL));

        assertThat(event.type()).isEqualTo("Wishlist Shared");
        assertThat(event.schema()).isEqualTo(EventType.CUSTOM_TRACK.schemaRef());
    }

    @ParameterizedTest
    @ValueSource(strings = {"identify", "i"})
    void identifyCarriesItsTraitsAsProperties(String call) {
        ObjectNode message = identified();
        message.set("traits", Examples.valid(EventType.IDENTIFY));

        CanonicalEvent event = accepted(normalizer.normalize(message, call, ARRIVAL));

        assertThat(event.type()).isEqualTo("identify");
        assertThat(event.schema()).isEqualTo(EventType.IDENTIFY.schemaRef());
        assertThat(event.properties()).isEqualTo(Examples.valid(EventType.IDENTIFY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page", "p", "screen", "s"})
    void pageAndScreenKeepTheirNameAmongTheProperties(String call) {
        ObjectNode message = identified();
        message.put("name", "Order Status");
        message.putObject("properties").put("path", "/account/orders");

        CanonicalEvent event = accepted(normalizer.normalize(message, call, ARRIVAL));

        assertThat(event.type()).isEqualTo(call.startsWith("p") ? "page" : "screen");
        assertThat(event.properties().get("name").asString()).isEqualTo("Order Status");
        assertThat(event.properties().get("path").asString()).isEqualTo("/account/orders");
    }

    @Test
    void aPageNameInsideThePropertiesWinsOverTheCallName() {
        ObjectNode message = identified();
        message.put("name", "Outer");
        message.putObject("properties").put("name", "Inner");

        assertThat(accepted(normalizer.normalize(message, "page", ARRIVAL)).properties().get("name").asString())
                .isEqualTo("Inner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"group", "g"})
    void groupKeepsItsGroupIdAmongTheTraits(String call) {
        ObjectNode message = identified();
        message.put("groupId", "acme");
        message.set("traits", Examples.valid(EventType.GROUP));

        CanonicalEvent event = accepted(normalizer.normalize(message, call, ARRIVAL));

        assertThat(event.type()).isEqualTo("group");
        assertThat(event.properties().get("group_id").asString()).isEqualTo("acme");
        assertThat(event.properties().get("name").asString()).isEqualTo("Acme GmbH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alias", "a"})
    void aliasKeepsThePreviousIdAsItsOnlyProperty(String call) {
        ObjectNode message = identified();
        message.put("previousId", "anon-5c1e0b");

        CanonicalEvent event = accepted(normalizer.normalize(message, call, ARRIVAL));

        assertThat(event.type()).isEqualTo("alias");
        assertThat(event.properties()).isEqualTo(NODES.objectNode().put("previous_id", "anon-5c1e0b"));
    }

    @Test
    void theTypeInTheMessageCountsWhenTheEndpointImpliesNone() {
        ObjectNode message = identified();
        message.put("type", "s");
        message.put("name", "Order Detail");

        assertThat(accepted(normalizer.normalize(message, null, ARRIVAL)).type()).isEqualTo("screen");
    }

    @Test
    void anAnonymousIdAloneIsAnIdentity() {
        ObjectNode message = track("Product Used", Examples.valid(EventType.PRODUCT_USED));
        message.remove("userId");
        message.put("anonymousId", "anon-1");

        CanonicalEvent event = accepted(normalizer.normalize(message, null, ARRIVAL));

        assertThat(event.customerId()).isNull();
        assertThat(event.anonymousId()).isEqualTo("anon-1");
        assertThat(event.partitionKey()).isEqualTo("anon-1");
    }

    @Test
    void acceptsANumericUserId() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("userId", 4711);

        assertThat(accepted(normalizer.normalize(message, null, ARRIVAL)).customerId()).isEqualTo("4711");
    }

    @Test
    void assignsAMessageIdWhenNoneWasSent() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());

        String first = accepted(normalizer.normalize(message, null, ARRIVAL)).id();
        String second = accepted(normalizer.normalize(message, null, ARRIVAL)).id();

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    static Stream<Arguments> missingIdentities() {
        return Stream.of(
                Arguments.of("no ids", NODES.objectNode()),
                Arguments.of("blank userId", NODES.objectNode().put("userId", "  ")),
                Arguments.of("null ids", NODES.objectNode().putNull("userId").putNull("anonymousId")),
                Arguments.of("boolean userId", NODES.objectNode().put("userId", true)),
                Arguments.of("object anonymousId", NODES.objectNode().set("anonymousId", NODES.objectNode())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingIdentities")
    void rejectsAnEventWithoutIdentity(String description, ObjectNode ids) {
        ObjectNode message = NODES.objectNode().put("type", "track").put("event", "Wishlist Shared");
        message.setAll(ids);

        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.MISSING_IDENTITY, "$.userId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"track", "t"})
    void rejectsATrackWithoutEventName(String call) {
        ObjectNode message = identified();
        message.putObject("properties").put("x", 1);

        assertRejected(normalizer.normalize(message, call, ARRIVAL), DeadLetterReason.MISSING_EVENT_NAME, "$.event");
        message.put("event", " ");
        assertRejected(normalizer.normalize(message, call, ARRIVAL), DeadLetterReason.MISSING_EVENT_NAME, "$.event");
    }

    @Test
    void rejectsUnknownAndMissingTypes() {
        ObjectNode message = identified();
        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.UNSUPPORTED_TYPE, "$.type");

        message.put("type", "purchase");
        Rejection rejection = assertRejected(normalizer.normalize(message, null, ARRIVAL),
                DeadLetterReason.UNSUPPORTED_TYPE, "$.type");
        assertThat(rejection.detail()).contains("purchase");

        message.put("type", 7);
        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.UNSUPPORTED_TYPE, "$.type");
    }

    @Test
    void rejectsWhatIsNotAnObject() {
        for (JsonNode notAnObject : List.of(NODES.arrayNode().add(1), NODES.stringNode("track"), NODES.nullNode())) {
            assertRejected(normalizer.normalize(notAnObject, "track", ARRIVAL), DeadLetterReason.UNPARSEABLE, "$");
        }
    }

    static Stream<Arguments> invalidTrackProperties() {
        return catalogueTracks().flatMap(type -> Examples.invalid(type).stream().map(c -> Arguments.of(type, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidTrackProperties")
    void pointsSchemaViolationsIntoTheSubmittedProperties(EventType type, InvalidExample example) {
        ObjectNode message = identified().put("type", "track").put("event", type.wireName());
        message.set("properties", example.properties());

        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                rebased("$.properties", example.expectedPath()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTraits")
    void pointsIdentifyViolationsIntoTheSubmittedTraits(InvalidExample example) {
        ObjectNode message = identified();
        message.set("traits", example.properties());

        assertRejected(normalizer.normalize(message, "identify", ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                rebased("$.traits", example.expectedPath()));
    }

    static List<InvalidExample> invalidTraits() {
        return Examples.invalid(EventType.IDENTIFY);
    }

    @Test
    void rejectsPropertiesThatAreNotAnObject() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.set("properties", NODES.arrayNode());

        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.properties");
    }

    @Test
    void limitsTheLengthOfIds() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("messageId", "m".repeat(201));
        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.messageId");

        message.put("messageId", "m".repeat(200));
        assertThat(accepted(normalizer.normalize(message, null, ARRIVAL)).id()).hasSize(200);

        message.put("anonymousId", "a".repeat(201));
        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.anonymousId");
        message.put("userId", "u".repeat(201));
        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION, "$.userId");
    }

    @Test
    void rejectsAMessageIdThatIsNotAString() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.set("messageId", NODES.objectNode());
        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.messageId");
        message.put("messageId", "");
        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.messageId");
    }

    @Test
    void rejectsAGroupWithoutGroupId() {
        ObjectNode message = identified();
        assertRejected(normalizer.normalize(message, "group", ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.groupId");
        message.put("groupId", "");
        assertRejected(normalizer.normalize(message, "g", ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION, "$.groupId");
    }

    @Test
    void rejectsAnAliasWithoutPreviousId() {
        ObjectNode message = identified();
        assertRejected(normalizer.normalize(message, "alias", ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.previousId");
        message.set("previousId", NODES.arrayNode());
        assertRejected(normalizer.normalize(message, "a", ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                "$.previousId");
    }

    @Test
    void takesAnExplicitTimestampAsIsForHistoricalImports() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("timestamp", "2019-06-01T10:00:00+02:00");
        message.put("originalTimestamp", "2025-03-10T14:00:00Z");
        message.put("sentAt", "2025-03-10T14:00:10Z");

        Instant time = accepted(normalizer.normalize(message, null,
                new Arrival("web", "http", RECEIVED, Instant.parse("2025-03-10T14:00:20Z")))).time();

        assertThat(time).isEqualTo(Instant.parse("2019-06-01T08:00:00Z"));
    }

    @Test
    void correctsTheClientClockWithTheEventSentAt() {
        // The client clock runs 1 h fast; the event happened 30 s before it was sent.
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("originalTimestamp", "2025-03-10T15:21:35Z");
        message.put("sentAt", "2025-03-10T15:22:05Z");

        Instant time = accepted(normalizer.normalize(message, null, ARRIVAL)).time();

        assertThat(time).isEqualTo(RECEIVED.minusSeconds(30));
    }

    @Test
    void correctsTheClientClockWithTheBatchSentAtWhenTheEventHasNone() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("originalTimestamp", "2025-03-10T09:00:00-05:00");
        Arrival batch = new Arrival("web", "http", RECEIVED, Instant.parse("2025-03-10T14:00:02.5Z"));

        assertThat(accepted(normalizer.normalize(message, null, batch)).time())
                .isEqualTo(RECEIVED.minusMillis(2_500));
    }

    @Test
    void theEventSentAtWinsOverTheBatchSentAt() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("originalTimestamp", "2025-03-10T14:00:00Z");
        message.put("sentAt", "2025-03-10T14:00:01Z");
        Arrival batch = new Arrival("web", "http", RECEIVED, Instant.parse("2025-03-10T14:00:09Z"));

        assertThat(accepted(normalizer.normalize(message, null, batch)).time()).isEqualTo(RECEIVED.minusSeconds(1));
    }

    @Test
    void takesTheOriginalTimestampAsIsWithoutSentAt() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("originalTimestamp", "2025-03-09T08:00:00Z");

        assertThat(accepted(normalizer.normalize(message, null, ARRIVAL)).time())
                .isEqualTo(Instant.parse("2025-03-09T08:00:00Z"));
    }

    @Test
    void usesTheReceiveTimeWhenTheClientGaveNoTime() {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        message.put("sentAt", "2025-03-09T08:00:00Z");

        assertThat(accepted(normalizer.normalize(message, null, ARRIVAL)).time()).isEqualTo(RECEIVED);
    }

    static Stream<Arguments> invalidTimestamps() {
        return Stream.of(
                Arguments.of("timestamp", NODES.stringNode("yesterday")),
                Arguments.of("timestamp", NODES.stringNode("2025-03-10T14:00:00")),
                Arguments.of("timestamp", NODES.numberNode(1741615200000L)),
                Arguments.of("originalTimestamp", NODES.stringNode("10/03/2025")),
                Arguments.of("sentAt", NODES.stringNode("2025-13-01T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidTimestamps")
    void rejectsAnInvalidTimestampAndNamesIt(String field, JsonNode value) {
        ObjectNode message = track("Wishlist Shared", NODES.objectNode());
        if (!field.equals("originalTimestamp")) {
            message.put("originalTimestamp", "2025-03-10T14:00:00Z");
        }
        message.set(field, value);

        assertRejected(normalizer.normalize(message, null, ARRIVAL), DeadLetterReason.INVALID_TIMESTAMP,
                "$." + field);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"PAGE", "SCREEN", "GROUP", "ALIAS", "CUSTOM_TRACK"})
    void freeFormTypesRejectTheirInvalidExamplesAtTheSubmittedObject(EventType type) {
        for (InvalidExample example : Examples.invalid(type)) {
            if (example.properties().isObject()) {
                continue; // object-valued cases break a typed field; covered for page/screen below
            }
            ObjectNode message = identified().put("groupId", "g-1").put("previousId", "p-1").put("event", "X");
            String field = type == EventType.GROUP ? "traits" : "properties";
            message.set(field, example.properties());
            String call = type == EventType.CUSTOM_TRACK ? "track" : type.wireName();
            if (type == EventType.ALIAS) {
                // alias has no properties object of its own: whatever is sent there is ignored
                assertThat(normalizer.normalize(message, call, ARRIVAL).isAccepted()).isTrue();
            } else {
                assertRejected(normalizer.normalize(message, call, ARRIVAL), DeadLetterReason.SCHEMA_VIOLATION,
                        "$." + field);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = {"PAGE", "SCREEN"})
    void pageAndScreenNamesMustBeStrings(EventType type) {
        for (InvalidExample example : Examples.invalid(type)) {
            if (!example.properties().isObject()) {
                continue;
            }
            ObjectNode message = identified();
            message.set("properties", example.properties());
            assertRejected(normalizer.normalize(message, type.wireName(), ARRIVAL),
                    DeadLetterReason.SCHEMA_VIOLATION, rebased("$.properties", example.expectedPath()));
        }
    }

    private static ObjectNode identified() {
        return NODES.objectNode().put("userId", "cust-1");
    }

    private static ObjectNode track(String event, ObjectNode properties) {
        ObjectNode message = identified().put("type", "track").put("event", event);
        message.set("properties", properties);
        return message;
    }

    private static String rebased(String prefix, String path) {
        return prefix + path.substring(1);
    }

    private static CanonicalEvent accepted(Normalized normalized) {
        assertThat(normalized.rejection()).as("rejection").isNull();
        assertThat(normalized.isAccepted()).isTrue();
        return normalized.event();
    }

    private static Rejection assertRejected(Normalized normalized, DeadLetterReason reason, String path) {
        assertThat(normalized.isAccepted()).as("accepted: %s", normalized.event()).isFalse();
        assertThat(normalized.rejection().reason()).isEqualTo(reason);
        assertThat(normalized.rejection().path()).isEqualTo(path);
        assertThat(normalized.rejection().detail()).isNotBlank();
        return normalized.rejection();
    }
}
