package io.aftercart.collector;

import static io.aftercart.collector.IngestClient.json;
import static io.aftercart.collector.TopicRecords.header;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterHeaders;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The collector as a real web app against a real Kafka broker: every intake path, authentication, limits,
 * per-event rejection to the dead-letter topic, de-duplication, clock-skew correction and the Kafka intake. One
 * Spring context for the whole class; restarts are in {@link CollectorRestartIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = CollectorIT.TestApp.class,
        properties = {
                "aftercart.services=collector",
                "aftercart.collector.sources[0].name=web",
                "aftercart.collector.sources[0].write-key=" + CollectorIT.WRITE_KEY,
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CollectorIT {

    static final String WRITE_KEY = "wk_collector_it_0123456789abcdef";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static TopicRecords topics;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApp {

        /** Closed with the context, after the beans that talk to it, so the app never outlives its broker. */
        @Bean
        BrokerAndDataDir brokerAndDataDir() {
            return new BrokerAndDataDir(broker, dir);
        }
    }

    @DynamicPropertySource
    static void kafkaAndDataDir(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("collector-it");
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
        registry.add("aftercart.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("aftercart.data-dir", () -> dir.resolve("data").toString());
    }

    @LocalServerPort
    int port;

    private IngestClient client;
    private String run;

    @BeforeEach
    void connect() {
        client = new IngestClient(port, WRITE_KEY);
        if (topics == null) {
            topics = new TopicRecords(broker.bootstrapServers());
        }
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterAll
    static void closeConsumer() {
        topics.close();
        topics = null;
    }

    // --- every path -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "track,    Order Completed", "t, Order Shipped",
            "identify, identify",        "i, identify",
            "page,     page",            "p, page",
            "screen,   screen",          "s, screen",
            "group,    group",           "g, group",
            "alias,    alias",           "a, alias"})
    void eachSingleCallPathPublishesACanonicalEvent(String path, String type) {
        String customer = "cust-" + run;
        String messageId = "m-" + path + "-" + run;
        ObjectNode call = callFor(type, customer, messageId);

        HttpResponse<String> response = client.post("/v1/" + path, call);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("results").get(0).get("status").asString()).isEqualTo("accepted");
        assertThat(body.get("results").get(0).get("messageId").asString()).isEqualTo(messageId);

        ConsumerRecord<String, byte[]> record = single(topics.eventsWithId(messageId));
        assertThat(record.key()).isEqualTo(customer);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_source")).isEqualTo("web");
        assertThat(header(record, "ce_dataschema")).isEqualTo(EventType.ofWireName(type).orElseThrow().schemaRef());
        CanonicalEvent event = EventJson.read(record.value());
        assertThat(header(record, "ce_time")).isEqualTo(event.time().toString());
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.customerId()).isEqualTo(customer);
        assertThat(event.source()).isEqualTo("web");
        if (EventType.ofWireName(type).orElseThrow().isTrack()) {
            assertThat(event.properties()).isEqualTo(Examples.valid(EventType.ofWireName(type).orElseThrow()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/batch", "/v1/b", "/v1/import"})
    void batchPathsPublishEveryEventOfTheBatch(String path) {
        String customer = "cust-" + run;
        ArrayNode batch = NODES.arrayNode();
        List<String> types = List.of("Order Completed", "identify", "page", "group", "alias", "screen",
                "Support Ticket Opened");
        for (int i = 0; i < types.size(); i++) {
            ObjectNode call = callFor(types.get(i), customer, "m-" + i + "-" + run);
            call.put("type", EventType.ofWireName(types.get(i)).orElseThrow().isTrack() ? "track" : types.get(i));
            batch.add(call);
        }

        HttpResponse<String> response = client.post(path, NODES.objectNode().set("batch", batch));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(types.size());
        List<ConsumerRecord<String, byte[]>> records = topics.events(id -> id.endsWith("-" + run));
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactlyInAnyOrderElementsOf(types);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(customer);
        // one customer's events share a partition, so they stay in order
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
    }

    // --- authentication and content -----------------------------------------------------------------------------

    @Test
    void acceptsTheWriteKeyInTheBody() {
        ObjectNode call = callFor("Order Completed", "cust-" + run, "m-single-" + run).put("writeKey", WRITE_KEY);
        HttpResponse<String> single = client.send(client.request("/v1/track", call).build());
        assertThat(single.statusCode()).as(single.body()).isEqualTo(200);

        ObjectNode batch = NODES.objectNode().put("writeKey", WRITE_KEY);
        batch.putArray("batch").add(callFor("Order Shipped", "cust-" + run, "m-batch-" + run).put("type", "track"));
        HttpResponse<String> batched = client.send(client.request("/v1/batch", batch).build());
        assertThat(batched.statusCode()).as(batched.body()).isEqualTo(200);

        assertThat(topics.events(id -> id.endsWith(run))).extracting(r -> header(r, "ce_source"))
                .containsExactly("web", "web");
    }

    @Test
    void aWriteKeyInTheBodyDoesNotTravelOnToTheDeadLetterTopic() {
        String customer = "cust-secret-" + run;
        ObjectNode call = callFor("Order Completed", customer, "m-secret-" + run).put("writeKey", WRITE_KEY);
        ((ObjectNode) call.get("properties")).put("total", -1);

        HttpResponse<String> response = client.send(client.request("/v1/track", call).build());

        assertThat(response.body()).contains("\"rejected\":1");
        String letter = new String(single(topics.deadLetters(customer::equals)).value(), UTF_8);
        assertThat(letter).contains("m-secret-" + run).doesNotContain(WRITE_KEY);
    }

    @Test
    void answers401WithoutAValidWriteKey() {
        ObjectNode call = callFor("Order Completed", "cust-" + run, "m-" + run);

        HttpResponse<String> missing = client.send(client.request("/v1/track", call).build());
        HttpResponse<String> emptyUser = client.send(client.request("/v1/track", call)
                .header("Authorization", IngestClient.basic("")).build());
        HttpResponse<String> unknownBasic = client.send(client.request("/v1/track", call)
                .header("Authorization", IngestClient.basic("wk_nobody")).build());
        HttpResponse<String> unknownInBody = client.send(client.request("/v1/batch",
                NODES.objectNode().put("writeKey", "wk_nobody").set("batch", NODES.arrayNode().add(call))).build());
        HttpResponse<String> nativeMissing = client.send(client.request("/api/v1/events", NODES.objectNode()).build());

        for (HttpResponse<String> response : List.of(missing, emptyUser, unknownBasic, unknownInBody, nativeMissing)) {
            assertProblem(response, 401);
        }
        assertThat(json(missing).get("title").asString()).isEqualTo("Write key required");
        assertThat(json(unknownBasic).get("title").asString()).isEqualTo("Unknown write key");
        assertThat(json(unknownBasic).toString()).doesNotContain("wk_nobody");
        assertThat(topics.eventsWithId("m-" + run)).isEmpty();
    }

    @Test
    void acceptsTextPlainBodies() {
        HttpResponse<String> response = client.send(client.request("/v1/t",
                        callFor("Order Completed", "cust-" + run, "m-" + run))
                .header("Authorization", IngestClient.basic(WRITE_KEY))
                .setHeader("Content-Type", "text/plain")
                .build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(topics.eventsWithId("m-" + run)).hasSize(1);
    }

    @Test
    void acceptsGzipBodiesAndRejectsBrokenOnes() {
        ObjectNode batch = NODES.objectNode();
        batch.putArray("batch").add(callFor("Order Completed", "cust-" + run, "m-" + run).put("type", "track"));
        byte[] gzipped = IngestClient.gzip(EventJson.mapper().writeValueAsBytes(batch));

        HttpResponse<String> zipped = client.send(client.request("/v1/batch", gzipped)
                .header("Authorization", IngestClient.basic(WRITE_KEY)).header("Content-Encoding", "gzip").build());
        assertThat(zipped.statusCode()).as(zipped.body()).isEqualTo(200);
        assertThat(topics.eventsWithId("m-" + run)).hasSize(1);

        byte[] notGzip = EventJson.mapper().writeValueAsBytes(batch);
        byte[] truncated = Arrays.copyOf(gzipped, gzipped.length / 2);
        for (byte[] broken : List.of(notGzip, truncated, new byte[] {0x1f})) {
            HttpResponse<String> response = client.send(client.request("/v1/batch", broken)
                    .header("Authorization", IngestClient.basic(WRITE_KEY)).header("Content-Encoding", "gzip")
                    .build());
            assertProblem(response, 400);
        }
    }

    @Test
    void unparseableJsonIsAProblem() {
        for (String path : List.of("/v1/track", "/v1/batch", "/api/v1/events")) {
            HttpResponse<String> response = client.post(path, "{\"type\": \"track\", ");
            JsonNode problem = assertProblem(response, 400);
            assertThat(problem.get("title").asString()).isEqualTo("Unparseable JSON");
        }
        assertProblem(client.post("/v1/track", ""), 400);
        assertProblem(client.post("/v1/track", "{} {}"), 400);
        assertThat(assertProblem(client.post("/v1/track", "[1]"), 400).get("path").asString()).isEqualTo("$");
        assertThat(assertProblem(client.post("/v1/batch", "{\"batch\": {}}"), 400).get("path").asString())
                .isEqualTo("$.batch");
        assertThat(assertProblem(client.post("/api/v1/events", "\"event\""), 400).get("path").asString())
                .isEqualTo("$");
    }

    // --- limits -------------------------------------------------------------------------------------------------

    @Test
    void aSingleEventOver32KbIsRefused() {
        ObjectNode call = callFor("Wishlist Shared", "cust-" + run, "m-" + run);
        call.putObject("properties").put("note", "x".repeat(33_000));

        assertThat(assertProblem(client.post("/v1/track", call), 400).get("title").asString())
                .isEqualTo("Event too large");
        assertThat(topics.eventsWithId("m-" + run)).isEmpty();
    }

    @Test
    void anEventOver32KbInABatchIsRejectedAloneAndDeadLettered() {
        String customer = "cust-" + run;
        ObjectNode big = callFor("Wishlist Shared", customer, "m-big-" + run).put("type", "track");
        big.putObject("properties").put("note", "x".repeat(33_000));
        ObjectNode batch = NODES.objectNode();
        batch.putArray("batch")
                .add(callFor("Order Completed", customer, "m-0-" + run).put("type", "track"))
                .add(big)
                .add(callFor("identify", customer, "m-2-" + run).put("type", "identify"));

        HttpResponse<String> response = client.post("/v1/batch", batch);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = body.get("results").get(1);
        assertThat(rejected.get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.get("reason").asString()).isEqualTo("TOO_LARGE");
        assertThat(rejected.get("path").asString()).isEqualTo("$");
        assertThat(topics.events(id -> id.endsWith(run))).extracting(r -> header(r, "ce_id"))
                .containsExactlyInAnyOrder("m-0-" + run, "m-2-" + run);
        ConsumerRecord<String, byte[]> letter = single(topics.deadLetters(customer::equals));
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("TOO_LARGE");
        assertThat(EventJson.mapper().readTree(letter.value())).isEqualTo(big);
    }

    @Test
    void aRequestOver500KbIsRefused() {
        String customer = "cust-" + run;
        ObjectNode batch = NODES.objectNode();
        ArrayNode events = batch.putArray("batch");
        for (int i = 0; i < 20; i++) {
            ObjectNode call = callFor("Wishlist Shared", customer, "m-" + i + "-" + run).put("type", "track");
            call.putObject("properties").put("note", "x".repeat(30_000));
            events.add(call);
        }

        assertThat(assertProblem(client.post("/v1/batch", batch), 400).get("title").asString())
                .isEqualTo("Request too large");
        assertThat(topics.events(id -> id.endsWith(run))).isEmpty();
        assertThat(topics.deadLetters(customer::equals)).isEmpty();
    }

    @Test
    void aBatchOf2501EventsIsRefused() {
        String customer = "cust-" + run;
        ObjectNode batch = NODES.objectNode();
        ArrayNode events = batch.putArray("batch");
        IntStream.range(0, 2501).forEach(i -> events.add(NODES.objectNode().put("type", "track")
                .put("event", "Ping").put("userId", customer).put("messageId", "m-" + i + "-" + run)));

        JsonNode problem = assertProblem(client.post("/v1/batch", batch), 400);
        assertThat(problem.get("path").asString()).isEqualTo("$.batch");
        assertThat(problem.get("detail").asString()).contains("2501");
        assertThat(assertProblem(client.post("/api/v1/events", events), 400).get("path").asString())
                .isEqualTo("$.events");
        assertThat(topics.events(id -> id.endsWith(run))).isEmpty();

        events.remove(2500);
        assertThat(client.post("/v1/batch", batch).statusCode()).isEqualTo(200);
        assertThat(topics.events(id -> id.endsWith(run))).hasSize(2500);
    }

    // --- per-event results --------------------------------------------------------------------------------------

    @Test
    void rejectsBadEventsOfABatchAloneAndDeadLettersThemWithReasonAndPath() {
        String customer = "cust-" + run;
        ObjectNode good = callFor("Order Completed", customer, "m-good-" + run).put("type", "track");
        ObjectNode noTotal = callFor("Order Completed", customer, "m-nototal-" + run).put("type", "track");
        ((ObjectNode) noTotal.get("properties")).remove("total");
        ObjectNode noName = NODES.objectNode().put("type", "track").put("userId", customer)
                .put("messageId", "m-noname-" + run);
        ObjectNode anonymousNobody = NODES.objectNode().put("type", "track").put("event", "Ping")
                .put("messageId", "m-nobody-" + run);
        ObjectNode badEmail = callFor("identify", customer, "m-email-" + run).put("type", "identify");
        ((ObjectNode) badEmail.get("traits")).put("email", "jane.doe");
        ObjectNode badTime = callFor("Order Shipped", customer, "m-time-" + run).put("type", "track")
                .put("originalTimestamp", "10/03/2025 14:00");
        ObjectNode unknownType = callFor("page", customer, "m-type-" + run).put("type", "purchase");
        ObjectNode alsoGood = callFor("identify", customer, "m-good2-" + run).put("type", "identify");
        ObjectNode batch = NODES.objectNode();
        batch.putArray("batch").add(good).add(noTotal).add(noName).add(anonymousNobody).add(badEmail).add(badTime)
                .add(unknownType).add(NODES.numberNode(42)).add(alsoGood);

        HttpResponse<String> response = client.post("/v1/batch", batch);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(7);
        JsonNode results = body.get("results");
        assertThat(results).hasSize(9);
        assertResult(results.get(0), "accepted", null, null);
        assertResult(results.get(1), "rejected", "SCHEMA_VIOLATION", "$.properties.total");
        assertResult(results.get(2), "rejected", "MISSING_EVENT_NAME", "$.event");
        assertResult(results.get(3), "rejected", "MISSING_IDENTITY", "$.userId");
        assertResult(results.get(4), "rejected", "SCHEMA_VIOLATION", "$.traits.email");
        assertResult(results.get(5), "rejected", "INVALID_TIMESTAMP", "$.originalTimestamp");
        assertResult(results.get(6), "rejected", "UNSUPPORTED_TYPE", "$.type");
        assertResult(results.get(7), "rejected", "UNPARSEABLE", "$");
        assertResult(results.get(8), "accepted", null, null);
        assertThat(results.get(1).get("messageId").asString()).isEqualTo("m-nototal-" + run);
        assertThat(results.get(7).has("messageId")).isFalse();

        assertThat(topics.events(id -> id.endsWith(run))).extracting(r -> header(r, "ce_id"))
                .containsExactlyInAnyOrder("m-good-" + run, "m-good2-" + run);
        List<ConsumerRecord<String, byte[]>> letters = topics.deadLetters(customer::equals);
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON) + " " + header(r,
                DeadLetterHeaders.PATH)).containsExactlyInAnyOrder(
                "SCHEMA_VIOLATION $.properties.total", "MISSING_EVENT_NAME $.event",
                "SCHEMA_VIOLATION $.traits.email", "INVALID_TIMESTAMP $.originalTimestamp",
                "UNSUPPORTED_TYPE $.type");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(header(letter, DeadLetterHeaders.SOURCE)).isEqualTo("web");
            assertThat(header(letter, DeadLetterHeaders.ORIGIN)).isEqualTo("http");
            assertThat(header(letter, DeadLetterHeaders.DETAIL)).isNotBlank();
        });
        ConsumerRecord<String, byte[]> noTotalLetter = letters.stream()
                .filter(r -> "$.properties.total".equals(header(r, DeadLetterHeaders.PATH))).findFirst().orElseThrow();
        assertThat(EventJson.mapper().readTree(noTotalLetter.value())).isEqualTo(noTotal);
        // without any id the letter has no key; find it by its payload
        assertThat(topics.allDeadLetters()).filteredOn(r -> r.key() == null
                && EventJson.mapper().readTree(r.value()).equals(anonymousNobody))
                .singleElement()
                .satisfies(r -> assertThat(header(r, DeadLetterHeaders.REASON)).isEqualTo("MISSING_IDENTITY"));
    }

    /** Dead letters carry each event as submitted: its own bytes, or with the batch's context when it took that. */
    @Test
    void aBatchsContextGoesToItsEventsWithoutOneAndDeadLettersShowWhatWasValidated() {
        String customer = "cust-" + run;
        ObjectNode ownContext = callFor("Order Completed", customer, "m-own-" + run).put("type", "track");
        ((ObjectNode) ownContext.get("properties")).remove("total");
        ObjectNode sharedContext = callFor("Order Completed", customer, "m-shared-" + run).put("type", "track");
        sharedContext.remove("context");
        ((ObjectNode) sharedContext.get("properties")).remove("total");
        ObjectNode good = callFor("Order Shipped", customer, "m-good-" + run).put("type", "track");
        good.remove("context");
        String batch = "{\"context\": {\"ip\": \"10.0.0.1\"}, \"batch\": [ " + ownContext + " ,\n"
                + sharedContext + "," + good + "]}";

        HttpResponse<String> response = client.post("/v1/batch", batch);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
        ConsumerRecord<String, byte[]> accepted = single(topics.events(id -> id.endsWith(run)));
        assertThat(EventJson.read(accepted.value()).context().get("ip").asString()).isEqualTo("10.0.0.1");
        List<ConsumerRecord<String, byte[]>> letters = topics.deadLetters(customer::equals);
        assertThat(letters).extracting(r -> new String(r.value(), UTF_8)).containsExactlyInAnyOrder(
                ownContext.toString(),
                sharedContext.deepCopy().set("context", NODES.objectNode().put("ip", "10.0.0.1")).toString());
    }

    @Test
    void aRejectedSingleCallIsAnsweredPerEventNotAsAnError() {
        ObjectNode call = callFor("Order Completed", "cust-" + run, "m-" + run);
        ((ObjectNode) call.get("properties")).put("currency", 978);

        HttpResponse<String> response = client.post("/v1/track", call);

        assertThat(response.statusCode()).isEqualTo(200);
        assertResult(json(response).get("results").get(0), "rejected", "SCHEMA_VIOLATION", "$.properties.currency");
        assertThat(EventJson.mapper().readTree(single(topics.deadLetters(("cust-" + run)::equals)).value()))
                .isEqualTo(call);
    }

    // --- de-duplication and ids ---------------------------------------------------------------------------------

    @Test
    void aResentMessageIdIsADuplicateAndPublishedOnce() {
        ObjectNode call = callFor("Order Completed", "cust-" + run, "m-" + run);

        assertThat(json(client.post("/v1/track", call)).get("accepted").asInt()).isEqualTo(1);
        JsonNode again = json(client.post("/v1/track", call));
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertResult(again.get("results").get(0), "duplicate", null, null);

        ObjectNode batch = NODES.objectNode();
        ObjectNode other = callFor("Order Shipped", "cust-" + run, "m-other-" + run).put("type", "track");
        batch.putArray("batch").add(call.deepCopy().put("type", "track")).add(other).add(other);
        JsonNode batched = json(client.post("/v1/batch", batch));
        assertThat(batched.get("results")).extracting(r -> r.get("status").asString())
                .containsExactly("duplicate", "accepted", "duplicate");

        assertThat(topics.eventsWithId("m-" + run)).hasSize(1);
        assertThat(topics.eventsWithId("m-other-" + run)).hasSize(1);
    }

    @Test
    void assignsAMessageIdWhenTheClientSentNone() {
        ObjectNode call = callFor("Order Completed", "cust-" + run, "ignored");
        call.remove("messageId");

        String first = json(client.post("/v1/track", call)).get("results").get(0).get("messageId").asString();
        String second = json(client.post("/v1/track", call)).get("results").get(0).get("messageId").asString();

        assertThat(first).isNotBlank().isNotEqualTo(second);
        assertThat(single(topics.eventsWithId(first)).key()).isEqualTo("cust-" + run);
        assertThat(EventJson.read(single(topics.eventsWithId(second)).value()).id()).isEqualTo(second);
    }

    // --- time -------------------------------------------------------------------------------------------------

    @Test
    void correctsClockSkewWithTheBatchSentAt() {
        // The device clock is 3 hours fast; the event happened 42 s before the batch was sent.
        Instant deviceNow = Instant.now().plus(Duration.ofHours(3));
        ObjectNode skewed = callFor("Order Completed", "cust-" + run, "m-skewed-" + run).put("type", "track")
                .put("originalTimestamp", deviceNow.minusSeconds(42).toString());
        ObjectNode imported = callFor("Order Completed", "cust-" + run, "m-imported-" + run).put("type", "track")
                .put("timestamp", "2019-06-01T10:00:00+02:00");
        ObjectNode batch = NODES.objectNode().put("sentAt", deviceNow.toString());
        batch.putArray("batch").add(skewed).add(imported);

        assertThat(client.post("/v1/batch", batch).statusCode()).isEqualTo(200);

        CanonicalEvent corrected = EventJson.read(single(topics.eventsWithId("m-skewed-" + run)).value());
        assertThat(corrected.time()).isEqualTo(corrected.receivedAt().minusSeconds(42));
        assertThat(corrected.receivedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        CanonicalEvent historical = EventJson.read(single(topics.eventsWithId("m-imported-" + run)).value());
        assertThat(historical.time()).isEqualTo(Instant.parse("2019-06-01T08:00:00Z"));

        batch.put("sentAt", "next tuesday");
        assertThat(assertProblem(client.post("/v1/batch", batch), 400).get("path").asString()).isEqualTo("$.sentAt");
    }

    // --- native API -------------------------------------------------------------------------------------------

    @Test
    void nativeApiAcceptsOneEventAnArrayOrAnEventsObject() {
        String customer = "cust-" + run;
        ObjectNode one = canonical(customer, "n-1-" + run);
        ArrayNode array = NODES.arrayNode().add(canonical(customer, "n-2-" + run))
                .add(canonical(customer, "n-3-" + run));
        ObjectNode wrapped = NODES.objectNode();
        wrapped.putArray("events").add(canonical(customer, "n-4-" + run));

        for (JsonNode body : List.of(one, array, wrapped)) {
            HttpResponse<String> response = client.post("/api/v1/events", body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("rejected").asInt()).isZero();
        }

        List<ConsumerRecord<String, byte[]>> records = topics.events(id -> id.endsWith(run));
        assertThat(records).extracting(r -> header(r, "ce_id"))
                .containsExactlyInAnyOrder("n-1-" + run, "n-2-" + run, "n-3-" + run, "n-4-" + run);
        CanonicalEvent event = EventJson.read(single(topics.eventsWithId("n-1-" + run)).value());
        CanonicalEvent sent = EventJson.mapper().treeToValue(one, CanonicalEvent.class);
        assertThat(event.time()).isEqualTo(sent.time());
        assertThat(event.type()).isEqualTo("Order Completed");
        assertThat(event.schema()).isEqualTo(EventType.ORDER_COMPLETED.schemaRef());
        assertThat(event.source()).isEqualTo("web");
        assertThat(event.properties()).isEqualTo(sent.properties());
        assertThat(event.context()).isEqualTo(sent.context());
        assertThat(event.anonymousId()).isEqualTo(sent.anonymousId());
    }

    @Test
    void nativeApiNamesRejectedFieldsCanonically() {
        String customer = "cust-" + run;
        ObjectNode noIdentity = canonical(customer, "n-noid-" + run);
        noIdentity.remove(List.of("customerId", "anonymousId"));
        ObjectNode badTime = canonical(customer, "n-time-" + run).put("time", "yesterday");
        ObjectNode noTotal = canonical(customer, "n-total-" + run);
        ((ObjectNode) noTotal.get("properties")).remove("total");
        ObjectNode badEmail = canonical(customer, "n-email-" + run).put("type", "identify");
        badEmail.putObject("properties").put("email", "jane.doe");
        ObjectNode noGroupId = canonical(customer, "n-group-" + run).put("type", "group");
        noGroupId.putObject("properties").put("name", "Acme");
        ObjectNode noType = canonical(customer, "n-type-" + run);
        noType.remove("type");
        ObjectNode longId = canonical(customer, "n".repeat(201));

        HttpResponse<String> response = client.post("/api/v1/events",
                NODES.arrayNode().add(noIdentity).add(badTime).add(noTotal).add(badEmail).add(noGroupId).add(noType)
                        .add(longId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = json(response).get("results");
        assertResult(results.get(0), "rejected", "MISSING_IDENTITY", "$.customerId");
        assertResult(results.get(1), "rejected", "INVALID_TIMESTAMP", "$.time");
        assertResult(results.get(2), "rejected", "SCHEMA_VIOLATION", "$.properties.total");
        assertResult(results.get(3), "rejected", "SCHEMA_VIOLATION", "$.properties.email");
        assertResult(results.get(4), "rejected", "SCHEMA_VIOLATION", "$.properties.group_id");
        assertResult(results.get(5), "rejected", "MISSING_EVENT_NAME", "$.type");
        assertResult(results.get(6), "rejected", "SCHEMA_VIOLATION", "$.id");
        assertThat(topics.deadLetters(customer::equals)).extracting(r -> header(r, DeadLetterHeaders.PATH))
                .containsExactlyInAnyOrder("$.time", "$.properties.total", "$.properties.email",
                        "$.properties.group_id", "$.type", "$.id");
        ConsumerRecord<String, byte[]> letter = topics.deadLetters(customer::equals).stream()
                .filter(r -> "$.time".equals(header(r, DeadLetterHeaders.PATH))).findFirst().orElseThrow();
        assertThat(EventJson.mapper().readTree(letter.value())).isEqualTo(badTime);
    }

    // --- Kafka intake -----------------------------------------------------------------------------------------

    @Test
    void kafkaIntakeValidatesLikeHttpAndDoesNotBlockOnGarbage() throws Exception {
        String customer = "cust-" + run;
        ObjectNode segment = callFor("Order Completed", customer, "k-segment-" + run).put("type", "track");
        ObjectNode canonical = canonical(customer, "k-canonical-" + run);
        byte[] garbage = ("not json " + run).getBytes(UTF_8);
        ObjectNode invalid = callFor("Order Completed", customer, "k-invalid-" + run).put("type", "track");
        ((ObjectNode) invalid.get("properties")).remove("order_id");
        ObjectNode after = callFor("identify", customer, "k-after-" + run).put("type", "identify");

        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (byte[] value : List.of(bytes(segment), bytes(canonical), garbage, bytes(invalid), bytes(after))) {
                producer.send(new ProducerRecord<>(Topics.INTAKE.topicName(), customer, value)).get();
            }
            var fromErp = new ProducerRecord<>(Topics.INTAKE.topicName(), customer,
                    bytes(callFor("Order Shipped", customer, "k-erp-" + run).put("type", "track")));
            fromErp.headers().add("aftercart_source", "erp".getBytes(UTF_8));
            producer.send(fromErp).get();
        }

        List<ConsumerRecord<String, byte[]>> events = topics.awaitEvents(id -> id.endsWith(run), 4);
        assertThat(events).extracting(r -> header(r, "ce_id")).containsExactlyInAnyOrder(
                "k-segment-" + run, "k-canonical-" + run, "k-after-" + run, "k-erp-" + run);
        assertThat(events).extracting(ConsumerRecord::key).containsOnly(customer);
        assertThat(events).extracting(r -> header(r, "ce_source"))
                .containsExactlyInAnyOrder("kafka-intake", "kafka-intake", "kafka-intake", "erp");

        List<ConsumerRecord<String, byte[]>> letters = topics.awaitDeadLetters(r -> customer.equals(r.key()), 2);
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactlyInAnyOrder("UNPARSEABLE", "SCHEMA_VIOLATION");
        assertThat(letters).allSatisfy(r -> {
            assertThat(header(r, DeadLetterHeaders.ORIGIN)).isEqualTo("kafka");
            assertThat(header(r, DeadLetterHeaders.SOURCE)).isEqualTo("kafka-intake");
        });
        ConsumerRecord<String, byte[]> unparseable = letters.stream()
                .filter(r -> "UNPARSEABLE".equals(header(r, DeadLetterHeaders.REASON))).findFirst().orElseThrow();
        assertThat(unparseable.value()).isEqualTo(garbage);
        assertThat(letters).filteredOn(r -> "SCHEMA_VIOLATION".equals(header(r, DeadLetterHeaders.REASON)))
                .singleElement().satisfies(r -> assertThat(header(r, DeadLetterHeaders.PATH))
                        .isEqualTo("$.properties.order_id"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** A valid call of the given type (catalogue track name or call type), without its {@code type} field. */
    private static ObjectNode callFor(String type, String customer, String messageId) {
        ObjectNode call = NODES.objectNode().put("userId", customer).put("messageId", messageId);
        call.putObject("context").putObject("library").put("name", "analytics-java");
        switch (type) {
            case "identify" -> call.set("traits", Examples.valid(EventType.IDENTIFY));
            case "page", "screen" -> call.put("name", "Order Status").putObject("properties").put("path", "/o");
            case "group" -> call.put("groupId", "acme").set("traits", Examples.valid(EventType.GROUP));
            case "alias" -> call.put("previousId", "anon-" + customer);
            default -> call.put("event", type).set("properties",
                    Examples.valid(EventType.ofWireName(type).orElse(EventType.CUSTOM_TRACK)));
        }
        return call;
    }

    private static ObjectNode canonical(String customer, String id) {
        return Examples.validEnvelope().put("id", id).put("customerId", customer);
    }

    private static byte[] bytes(JsonNode node) {
        return EventJson.mapper().writeValueAsBytes(node);
    }

    private static <T> T single(List<T> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static void assertResult(JsonNode result, String status, String reason, String path) {
        assertThat(result.get("status").asString()).as(result.toString()).isEqualTo(status);
        assertThat(result.has("reason") ? result.get("reason").asString() : null).as(result.toString())
                .isEqualTo(reason);
        assertThat(result.has("path") ? result.get("path").asString() : null).as(result.toString()).isEqualTo(path);
        if (reason != null) {
            assertThat(result.get("detail").asString()).isNotBlank();
        }
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }
}
