package io.aftercart.intelligence.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.CloudEventHeaders;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CanonicalRecordsTest {

    private static final Set<String> ORDERS = Set.of(EventType.ORDER_COMPLETED.wireName());
    private static final byte[] GARBAGE = "{not json".getBytes(UTF_8);

    @Test
    void passesOverRecordsWhoseHeaderNamesAnotherTypeWithoutReadingTheirValue(CapturedOutput output) {
        List<CanonicalEvent> events = CanonicalRecords.of(List.of(
                record("page", GARBAGE),
                record("page", EventJson.write(event("e1", EventType.ORDER_COMPLETED))), // the header decides
                record("Order Completed", EventJson.write(event("e2", EventType.ORDER_COMPLETED)))), ORDERS);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("e2");
        assertThat(output).doesNotContain("Skipped");
    }

    @Test
    void readsRecordsWithoutTheHeaderAndKeepsTheEventsOfTheWantedTypes(CapturedOutput output) {
        List<CanonicalEvent> events = CanonicalRecords.of(List.of(
                record(null, EventJson.write(event("e1", EventType.PAGE))),
                record(null, EventJson.write(event("e2", EventType.ORDER_COMPLETED)))), ORDERS);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("e2");
        assertThat(output).doesNotContain("Skipped");
    }

    @Test
    void countsTheRecordsOfWantedOrUnnamedTypesThatAreNotCanonicalEvents(CapturedOutput output) {
        List<CanonicalEvent> events = CanonicalRecords.of(List.of(
                record("Order Completed", GARBAGE),
                record(null, "[1, 2]".getBytes(UTF_8)),
                record(null, EventJson.write(event(null, EventType.ORDER_COMPLETED))),
                record("Order Completed", EventJson.write(event("e1", EventType.ORDER_COMPLETED)))), ORDERS);

        assertThat(events).extracting(CanonicalEvent::id).containsExactly("e1");
        assertThat(output).contains("Skipped 3 of 4 records that were not canonical events");
    }

    private static ConsumerRecord<String, byte[]> record(String typeHeader, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.EVENTS.topicName(), 0, 0, "cust-1", value);
        if (typeHeader != null) {
            record.headers().add(CloudEventHeaders.TYPE, typeHeader.getBytes(UTF_8));
        }
        return record;
    }

    private static CanonicalEvent event(String id, EventType type) {
        Instant time = Instant.parse("2025-03-01T10:00:00Z");
        return new CanonicalEvent(id, type.wireName(), type.schemaRef(), "test-shop", time, time, "cust-1", null,
                EventJson.mapper().createObjectNode().put("order_id", "o1"), null);
    }
}
