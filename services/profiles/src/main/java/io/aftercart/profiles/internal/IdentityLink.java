package io.aftercart.profiles.internal;

import java.time.Instant;

/**
 * {@code sourceId} (an anonymous or previous id) is the customer {@code targetId}, as stated by event {@code eventId}.
 */
public record IdentityLink(String eventId, String sourceId, String targetId, Instant time) {
}
