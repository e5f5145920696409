package io.aftercart.collector.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.kafka.CanonicalEventRecord;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes canonical events to the events topic as {@link CanonicalEventRecord}s. */
public final class CanonicalEventProducer {

    private final KafkaTemplate<String, byte[]> kafka;

    public CanonicalEventProducer(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public CompletableFuture<?> send(CanonicalEvent event) {
        return kafka.send(CanonicalEventRecord.of(event));
    }
}
