package io.aftercart.intelligence.sentiment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sentiment part of the intelligence service ({@code aftercart.intelligence.sentiment.*}), part of
 * {@link io.aftercart.intelligence.IntelligenceProperties}.
 *
 * @param consumerConcurrency      consumers of {@code aftercart.events} for sentiment in this process
 *                                 ({@code AFTERCART_INTELLIGENCE_SENTIMENT_CONSUMER_CONCURRENCY}); 1 suits DuckDB
 * @param serviceRecoveryThreshold a text whose compound score is at or below this is strongly negative
 *                                 ({@code AFTERCART_INTELLIGENCE_SENTIMENT_SERVICE_RECOVERY_THRESHOLD})
 * @param serviceRecoveryRecency   ... and triggers service recovery if its order was active (completed, updated,
 *                                 shipped, delivered) at most this long before the text
 *                                 ({@code AFTERCART_INTELLIGENCE_SENTIMENT_SERVICE_RECOVERY_RECENCY})
 * @param maxTexts                 the most texts one {@code POST /api/v1/sentiment} may carry
 *                                 ({@code AFTERCART_INTELLIGENCE_SENTIMENT_MAX_TEXTS})
 * @param maxTextLength            the longest text it may carry, in characters (the event schemas allow 10,000)
 *                                 ({@code AFTERCART_INTELLIGENCE_SENTIMENT_MAX_TEXT_LENGTH})
 * @param aspects                  aspect → terms, replacing that aspect's default terms (from
 *                                 {@code sentiment/aspects.properties}) or adding an aspect; an empty list removes it
 *                                 ({@code aftercart.intelligence.sentiment.aspects.delivery=deliver*,courier,...})
 */
public record SentimentProperties(
        @DefaultValue("1") int consumerConcurrency,
        @DefaultValue("-0.5") double serviceRecoveryThreshold,
        @DefaultValue("30d") Duration serviceRecoveryRecency,
        @DefaultValue("100") int maxTexts,
        @DefaultValue("10000") int maxTextLength,
        Map<String, List<String>> aspects) {

    public SentimentProperties {
        aspects = aspects == null ? Map.of() : Map.copyOf(aspects);
    }
}
