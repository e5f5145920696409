package io.aftercart.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The walking skeleton end to end: events sent to the running all-in-one over HTTP (Segment batch and single
 * calls, the native API) and over the Kafka intake topic — with duplicates and bad input mixed in — end up in the
 * event warehouse exactly once each, and a customer's events read back in event-time order. Subclasses choose the
 * store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndIT {

    private static final long SEED = 20_251_125L;
    private static final int CUSTOMERS = 30;
    private static final int HTTP_REQUESTS = 80;
    private static final int KAFKA_RECORDS = 300;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Valid but awkward text a store must keep as is: quotes, SQL and markup, NUL, emoji, right-to-left marks. */
    private static final List<String> AWKWARD_TEXT = List.of("o'brien\"; DROP TABLE events; --",
            "<script>alert(1)</script>", "nul\u0000inside", "😀 emoji 👍🏽", "\u202Eright-to-left", "tab\tand\nnewline");

    private Path dataDir;
    private InProcessApp app;
    private AppHttp http;
    private WarehouseApi warehouse;

    /** Arguments that point the app at the store under test. */
    protected abstract List<String> storeArguments() throws Exception;

    /** Removes whatever {@link #storeArguments()} created, once the app has stopped. */
    protected void releaseStore() throws Exception {
    }

    @BeforeAll
    void startApp() throws Exception {
        dataDir = Files.createTempDirectory("aftercart-e2e-");
        app = InProcessApp.start(dataDir, storeArguments().toArray(String[]::new));
        http = app.http();
        warehouse = new WarehouseApi(http);
    }

    @AfterAll
    void stopApp() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            releaseStore();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** What the test expects of each event it sends, and the events the warehouse must end up with. */
    private static final class Ledger {
        final Map<String, String> acceptedTypeById = new LinkedHashMap<>();
        final List<JsonNode> acceptedSegmentMessages = new ArrayList<>();

        JsonNode anyAcceptedSegmentMessage(Random random) {
            return acceptedSegmentMessages.get(random.nextInt(acceptedSegmentMessages.size()));
        }

        void accept(String id, String type) {
            assertThat(acceptedTypeById.put(id, type)).as("the test sends each new id once").isNull();
        }

        Map<String, Long> expectedByType() {
            Map<String, Long> byType = new TreeMap<>();
            acceptedTypeById.values().forEach(type -> byType.merge(type, 1L, Long::sum));
            return byType;
        }
    }

    @Test
    void everyAcceptedEventFromHttpAndKafkaIsStoredExactlyOnce() throws Exception {
        Instant testStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Random random = new Random(SEED);
        SampleEvents events = new SampleEvents(SEED, "e2e");
        Ledger ledger = new Ledger();
        int rejectedOverHttp = 0;

        for (int request = 0; request < HTTP_REQUESTS; request++) {
            int kind = random.nextInt(10);
            List<String> expected = new ArrayList<>();
            AppHttp.Reply reply;
            if (kind < 5) {
                ArrayNode batch = NODES.arrayNode();
                int size = 1 + random.nextInt(40);
                for (int i = 0; i < size; i++) {
                    expected.add(addSegmentEvent(batch, events, ledger, random));
                }
                ObjectNode body = NODES.objectNode();
                body.set("batch", batch);
                body.put("sentAt", Instant.now().toString());
                reply = http.ingest(random.nextBoolean() ? "/v1/batch" : "/v1/b", body);
            } else if (kind < 7) {
                ArrayNode one = NODES.arrayNode();
                expected.add(addSegmentEvent(one, events, ledger, random));
                ObjectNode message = (ObjectNode) one.get(0);
                String call = message.path("type").asString();
                String path = "/v1/" + (random.nextBoolean() ? call : call.substring(0, 1));
                reply = http.ingest(path, message);
            } else {
                ArrayNode canonical = NODES.arrayNode();
                int size = 1 + random.nextInt(20);
                for (int i = 0; i < size; i++) {
                    expected.addAll(addCanonicalEvent(canonical, events, ledger, random));
                }
                reply = http.ingest("/api/v1/events", canonical);
            }
            assertThat(reply.status()).as("request %d: %s", request, reply.text()).isEqualTo(200);
            List<String> statuses = new ArrayList<>();
            reply.json().path("results").forEach(result -> statuses.add(result.path("status").asString()));
            assertThat(statuses).as("per-event results of request %d: %s", request, reply.text())
                    .isEqualTo(expected);
            rejectedOverHttp += Collections.frequency(expected, "rejected");
        }
        int acceptedOverHttp = ledger.acceptedTypeById.size();
        assertThat(rejectedOverHttp).as("bad events were part of the mix").isPositive();

        sendOverIntakeTopic(events, ledger, random);
        assertThat(ledger.acceptedTypeById.size()).as("the intake topic added events").isGreaterThan(acceptedOverHttp);

        System.out.printf("End to end: %d events accepted over HTTP (%d rejected), %d in all with the intake topic%n",
                acceptedOverHttp, rejectedOverHttp, ledger.acceptedTypeById.size());
        WarehouseApi.Counts counts = warehouse.awaitExactTotal(testStart, ledger.acceptedTypeById.size(),
                Duration.ofSeconds(90), Duration.ofSeconds(3));
        assertThat(counts.byType()).isEqualTo(ledger.expectedByType());
    }

    /**
     * Adds a Segment message to {@code batch}: mostly new valid events, some re-sent (same messageId) and some
     * the collector must reject. Returns the status the collector must answer for it.
     */
    private static String addSegmentEvent(ArrayNode batch, SampleEvents events, Ledger ledger, Random random) {
        String customer = "e2e-customer-" + random.nextInt(CUSTOMERS);
        int roll = random.nextInt(100);
        if (roll < 10 && !ledger.acceptedSegmentMessages.isEmpty()) {
            batch.add(ledger.anyAcceptedSegmentMessage(random).deepCopy());
            return "duplicate";
        }
        if (roll < 15) {
            batch.add(events.schemaInvalidTrack(customer));
            return "rejected";
        }
        if (roll < 18) {
            batch.add(events.anonymousTrack());
            return "rejected";
        }
        ObjectNode message;
        String type;
        if (roll < 21) {
            String awkward = AWKWARD_TEXT.get(random.nextInt(AWKWARD_TEXT.size()));
            type = SampleEvents.CUSTOM_TRACK_NAME;
            message = events.segmentTrack("e2e-" + awkward, type);
            ((ObjectNode) message.get("properties")).put("note", awkward);
            if (awkward.indexOf('\u0000') >= 0) {
                // ids are text columns, which cannot hold NUL on PostgreSQL; properties may
                batch.add(message);
                return "rejected";
            }
        } else if (roll < 28) {
            message = events.segmentIdentify(customer);
            type = "identify";
        } else {
            type = events.randomTrackName();
            message = events.segmentTrack(customer, type);
        }
        ledger.accept(message.path("messageId").asString(), type);
        ledger.acceptedSegmentMessages.add(message);
        batch.add(message);
        return "accepted";
    }

    /** Like {@link #addSegmentEvent}, in the canonical shape of the native API; may add an event twice. */
    private static List<String> addCanonicalEvent(ArrayNode batch, SampleEvents events, Ledger ledger, Random random) {
        String customer = "e2e-customer-" + random.nextInt(CUSTOMERS);
        String type = events.randomTrackName();
        ObjectNode event = events.canonicalTrack(customer, type, Instant.now());
        int roll = random.nextInt(100);
        if (roll < 10) {
            event.remove("customerId");
            batch.add(event);
            return List.of("rejected");
        }
        if (roll < 15) {
            event.put("time", "yesterday");
            batch.add(event);
            return List.of("rejected");
        }
        ledger.accept(event.path("id").asString(), type);
        batch.add(event);
        if (roll < 25) {
            batch.add(event.deepCopy());
            return List.of("accepted", "duplicate");
        }
        return List.of("accepted");
    }

    /**
     * What a shop's own service would produce to the intake topic: canonical and Segment events, re-sent records
     * (of Kafka and of HTTP events) and records that are not events at all.
     */
    private void sendOverIntakeTopic(SampleEvents events, Ledger ledger, Random random) throws Exception {
        List<byte[]> sentValues = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, app.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < KAFKA_RECORDS; i++) {
                String customer = "e2e-customer-" + random.nextInt(CUSTOMERS);
                int roll = random.nextInt(100);
                byte[] value;
                if (roll < 10 && !sentValues.isEmpty()) {
                    value = sentValues.get(random.nextInt(sentValues.size()));
                } else if (roll < 14) {
                    value = AppHttp.JSON.writeValueAsBytes(ledger.anyAcceptedSegmentMessage(random));
                } else if (roll < 20) {
                    value = AppHttp.JSON.writeValueAsBytes(events.schemaInvalidTrack(customer));
                } else if (roll < 26) {
                    value = garbage(random);
                } else if (roll < 60) {
                    String type = events.randomTrackName();
                    ObjectNode event = events.canonicalTrack(customer, type, Instant.now());
                    ledger.accept(event.path("id").asString(), type);
                    value = AppHttp.JSON.writeValueAsBytes(event);
                    sentValues.add(value);
                } else {
                    String type = events.randomTrackName();
                    ObjectNode message = events.segmentTrack(customer, type);
                    ledger.accept(message.path("messageId").asString(), type);
                    value = AppHttp.JSON.writeValueAsBytes(message);
                    sentValues.add(value);
                }
                producer.send(new ProducerRecord<>(Topics.INTAKE.topicName(), customer, value));
            }
            producer.flush();
        }
    }

    private static byte[] garbage(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> "{\"type\": \"track\", \"event\": ".getBytes(UTF_8);
            case 3 -> "[1, 2, 3]".getBytes(UTF_8);
            case 4 -> "null".getBytes(UTF_8);
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    @Test
    void aCustomersEventsComeBackInEventTimeOrder() throws Exception {
        Random random = new Random(SEED + 1);
        SampleEvents events = new SampleEvents(SEED + 1, "timeline");
        String customer = "e2e-timeline-customer";
        Instant first = Instant.parse("2021-03-01T08:00:00Z");
        List<ObjectNode> sent = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ObjectNode message = events.segmentTrack(customer, events.randomTrackName());
            message.put("timestamp", first.plus(i * 90L + random.nextInt(60), ChronoUnit.MINUTES).toString());
            sent.add(message);
        }
        List<ObjectNode> shuffled = new ArrayList<>(sent);
        Collections.shuffle(shuffled, random);
        for (int from = 0; from < shuffled.size(); from += 10) {
            ObjectNode body = NODES.objectNode();
            body.putArray("batch").addAll(shuffled.subList(from, Math.min(shuffled.size(), from + 10)));
            AppHttp.Reply reply = http.ingest("/v1/import", body);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.json().path("accepted").asInt()).as(reply.text()).isEqualTo(body.get("batch").size());
        }

        List<WarehouseApi.StoredEvent> stored = awaitCustomerEvents(customer, sent.size(), Duration.ofSeconds(60));

        List<String> expectedOrder = sent.stream()
                .sorted(Comparator.comparing(message -> Instant.parse(message.path("timestamp").asString())))
                .map(message -> message.path("messageId").asString())
                .toList();
        assertThat(stored).extracting(WarehouseApi.StoredEvent::id).isEqualTo(expectedOrder);
        assertThat(stored).extracting(WarehouseApi.StoredEvent::time)
                .isSortedAccordingTo(Comparator.naturalOrder())
                .containsExactlyElementsOf(sent.stream()
                        .map(message -> Instant.parse(message.path("timestamp").asString())).sorted().toList());
        assertThat(stored).extracting(WarehouseApi.StoredEvent::customerId).containsOnly(customer);
    }

    private List<WarehouseApi.StoredEvent> awaitCustomerEvents(String customer, int expected, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<WarehouseApi.StoredEvent> stored = warehouse.customerEvents(customer, 7);
        while (stored.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            stored = warehouse.customerEvents(customer, 7);
        }
        assertThat(stored).as("events of %s in the warehouse", customer).hasSize(expected);
        return stored;
    }
}
