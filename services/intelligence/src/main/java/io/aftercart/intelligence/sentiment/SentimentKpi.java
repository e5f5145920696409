package io.aftercart.intelligence.sentiment;

/**
 * Sentiment of one group (a product, an aspect or a period).
 *
 * @param key          the product id, the aspect, or the period's start (ISO date-time, UTC)
 * @param count        scored texts (for aspects: aspect mentions)
 * @param meanCompound mean compound score
 */
public record SentimentKpi(String key, long count, double meanCompound, long positive, long neutral, long negative) {
}
