package io.aftercart.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectorClientTest {

    private FakeCollector collector;

    @BeforeEach
    void startCollector() throws Exception {
        collector = new FakeCollector();
    }

    @AfterEach
    void stopCollector() {
        collector.close();
    }

    @Test
    void sendsWriteKeyAsBasicUserNameAndRespectsTheBatchSize() throws Exception {
        CollectorClient client = new CollectorClient(collector.baseUrl(), "wk_demo", 40);
        client.send(events(100, 10), false);

        String expected = "Basic " + Base64.getEncoder().encodeToString("wk_demo:".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, collector.requests.size());
        for (FakeCollector.Request request : collector.requests) {
            assertEquals(expected, request.authorization());
            assertTrue(request.body().path("batch").size() <= 40);
            Instant.parse(request.body().path("sentAt").asString());
            assertTrue(request.body().path("batch").get(0).has("timestamp"));
        }
        assertEquals(new DemoStats(100, 100, 0, 0), client.stats());
    }

    @Test
    void splitsBatchesThatWouldExceedTheBodyLimit() throws Exception {
        CollectorClient client = new CollectorClient(collector.baseUrl(), "wk_demo", 500);
        client.send(events(300, 4_000), false); // ~4 KB each: 300 of them are far more than 500 KB

        assertTrue(collector.requests.size() >= 3);
        collector.requests.forEach(r -> assertTrue(r.bytes() <= CollectorClient.MAX_BODY_BYTES, "body " + r.bytes()));
        assertEquals(300, collector.requests.stream().mapToInt(r -> r.messageIds().size()).sum());
    }

    @Test
    void retriesTryLaterWithTheSameMessageIds() throws Exception {
        collector.answerNext(503, 503);
        CollectorClient client = new CollectorClient(collector.baseUrl(), "wk_demo", 500);
        client.send(events(25, 10), true);

        assertEquals(List.of(503, 503, 200), collector.requests.stream().map(FakeCollector.Request::status).toList());
        List<String> firstAttempt = collector.requests.get(0).messageIds();
        collector.requests.forEach(r -> assertEquals(firstAttempt, r.messageIds()));
        assertTrue(collector.requests.get(2).body().path("batch").get(0).has("originalTimestamp"));
        assertEquals(new DemoStats(25, 25, 0, 0), client.stats());
    }

    @Test
    void countsDuplicatesAndRejectionsFromTheResponse() throws Exception {
        CollectorClient client = new CollectorClient(collector.baseUrl(), "wk_demo", 500);
        List<DemoEvent> events = events(10, 10);
        client.send(events, false);
        client.send(events, false);
        collector.answerNext(400);
        client.send(events(5, 10), false);

        assertEquals(new DemoStats(25, 10, 10, 5), client.stats());
    }

    @Test
    void stopsOnABadWriteKey() {
        collector.answerNext(401);
        CollectorClient client = new CollectorClient(collector.baseUrl(), "wrong", 500);
        assertThrows(CollectorClient.WriteKeyRejectedException.class, () -> client.send(events(3, 10), false));
        assertEquals(1, collector.requests.size());
    }

    private static List<DemoEvent> events(int count, int padding) {
        List<DemoEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new DemoEvent("id-" + i + "-" + padding, DemoEvent.TRACK, "cust-000001", "Product Used",
                    Map.of("product_id", "prod-0001", "feature", "x".repeat(padding), "usage_count", i),
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)));
        }
        return events;
    }
}
