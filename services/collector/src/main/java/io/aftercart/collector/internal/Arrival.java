package io.aftercart.collector.internal;

import java.time.Instant;

/**
 * What is common to every event of one request or intake record.
 *
 * @param source     the source name the write key belongs to
 * @param origin     {@code http} or {@code kafka}
 * @param receivedAt when the collector received the request
 * @param sentAt     the client's clock when it sent the batch (batch-level {@code sentAt}), or null
 */
public record Arrival(String source, String origin, Instant receivedAt, Instant sentAt) {
}
