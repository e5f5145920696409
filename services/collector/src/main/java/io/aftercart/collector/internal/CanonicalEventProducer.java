package io.aftercart.collector.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Timestamps;
import io.aftercart.contracts.Topics;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes canonical events to {@link Topics#EVENTS}, keyed by customer, with the CloudEvents Kafka binding's
 * {@code ce_*} headers so consumers can route without parsing the value.
 */
public final class CanonicalEventProducer {

    private final KafkaTemplate<String, byte[]> kafka;

    public CanonicalEventProducer(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public CompletableFuture<?> send(CanonicalEvent event) {
        List<Header> headers = List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", event.id()),
                header("ce_type", event.type()),
                header("ce_source", event.source()),
                header("ce_time", Timestamps.format(event.time())),
                header("ce_dataschema", event.schema()),
                header("content-type", "application/json"));
        return kafka.send(new ProducerRecord<>(Topics.EVENTS.topicName(), null, event.partitionKey(),
                EventJson.write(event), headers));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(UTF_8));
    }
}
