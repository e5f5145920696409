package io.aftercart.collector;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Collector settings ({@code aftercart.collector.*}, env {@code AFTERCART_COLLECTOR_*}).
 *
 * @param sources              write keys per source, e.g. {@code AFTERCART_COLLECTOR_SOURCES_0_NAME=web},
 *                             {@code AFTERCART_COLLECTOR_SOURCES_0_WRITE_KEY=...}; kept only as SHA-256 hashes
 * @param maxEventSize         largest accepted event (Segment: 32 KB)
 * @param maxRequestSize       largest accepted request body after decompression (Segment: 500 KB)
 * @param maxBatchEvents       most events in one batch request (Segment: 2,500)
 * @param dedupeWindow         how long a messageId is remembered to drop re-sent events
 * @param dedupeCapacity       messageIds the in-memory Bloom filter is sized for; beyond it more look-ups hit the store
 * @param sendTimeout          how long a request waits for Kafka to acknowledge before answering 503
 * @param retryAfter           the {@code Retry-After} given with a 503
 * @param intakeConcurrency    consumer threads on the raw intake topic
 * @param intakeSource         source name recorded for intake-topic events without an {@code aftercart_source} header
 */
@ConfigurationProperties("aftercart.collector")
public record CollectorProperties(
        @DefaultValue List<Source> sources,
        @DefaultValue("32KB") DataSize maxEventSize,
        @DefaultValue("500KB") DataSize maxRequestSize,
        @DefaultValue("2500") int maxBatchEvents,
        @DefaultValue("7d") Duration dedupeWindow,
        @DefaultValue("5000000") int dedupeCapacity,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("1") int intakeConcurrency,
        @DefaultValue("kafka-intake") String intakeSource) {

    /** A named source of events and its write key. */
    public record Source(String name, String writeKey) {
    }
}
