package io.aftercart.analytics;

import java.util.Map;

/**
 * How many events the warehouse holds, per event type (sorted by type) and in all.
 */
public record EventCounts(Map<String, Long> byType, long total) {
}
