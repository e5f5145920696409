package io.aftercart.collector.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.collector.internal.Arrival;
import io.aftercart.collector.internal.CanonicalInput;
import io.aftercart.collector.internal.IngestPipeline;
import io.aftercart.collector.internal.Submitted;
import io.aftercart.collector.internal.Utf8;
import io.aftercart.contracts.DeadLetterReason;
import io.aftercart.platform.kafka.DeadLetter;
import io.aftercart.platform.kafka.DeadLetterPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates what a shop's own services produce to the raw intake topic — Segment or canonical shape, one JSON
 * event per record — exactly as the HTTP intake does, routing each to the canonical or the dead-letter topic.
 * A record that is not even JSON goes to the dead-letter topic too, so nothing blocks the partition. The source
 * is the record's {@code aftercart_source} header, or the configured intake source.
 */
public final class IntakeListener implements BatchMessageListener<String, byte[]> {

    public static final String SOURCE_HEADER = "aftercart_source";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IngestPipeline pipeline;
    private final DeadLetterPublisher deadLetters;
    private final String defaultSource;
    private final Clock clock;

    public IntakeListener(IngestPipeline pipeline, DeadLetterPublisher deadLetters, String defaultSource,
            Clock clock) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.defaultSource = defaultSource;
        this.clock = clock;
    }

    /** Returns once every record is acknowledged by Kafka; throwing makes the container retry the whole poll. */
    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        Instant receivedAt = clock.instant();
        Map<String, List<Submitted>> bySource = new LinkedHashMap<>();
        List<CompletableFuture<?>> unparseable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String source = sourceOf(record);
            byte[] value = record.value() == null ? new byte[0] : record.value();
            if (!Utf8.isValid(value)) {
                unparseable.add(deadLetters.publish(new DeadLetter(DeadLetterReason.UNPARSEABLE,
                        "Not a JSON event: the value is not valid UTF-8", "$", source, "kafka", record.key(), value)));
                continue;
            }
            try {
                JsonNode event = JSON.readTree(value);
                bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(CanonicalInput.isCanonical(event)
                        ? Submitted.canonical(event, value)
                        : new Submitted(event, value, null, false));
            } catch (JacksonException e) {
                unparseable.add(deadLetters.publish(new DeadLetter(DeadLetterReason.UNPARSEABLE,
                        "Not a JSON event: " + e.getOriginalMessage(), "$", source, "kafka", record.key(), value)));
            }
        }
        bySource.forEach((source, events) -> pipeline.ingest(events, new Arrival(source, "kafka", receivedAt, null)));
        CompletableFuture.allOf(unparseable.toArray(CompletableFuture[]::new)).join();
    }

    private String sourceOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(SOURCE_HEADER);
        return header == null || header.value() == null ? defaultSource : new String(header.value(), UTF_8);
    }
}
