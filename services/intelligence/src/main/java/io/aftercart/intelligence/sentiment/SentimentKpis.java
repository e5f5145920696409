package io.aftercart.intelligence.sentiment;

import java.time.Instant;
import java.util.List;

/**
 * Sentiment grouped by product, aspect or period over events whose time lies in [from, to).
 *
 * @param granularity day, week or month when grouped by period, else null
 */
public record SentimentKpis(String by, Instant from, Instant to, String granularity, List<SentimentKpi> groups) {
}
