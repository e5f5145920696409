package io.aftercart.intelligence.recommend;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the recommendation part of the intelligence service ({@code aftercart.intelligence.recommend.*}),
 * part of {@link io.aftercart.intelligence.IntelligenceProperties}.
 *
 * @param consumerConcurrency consumers of {@code aftercart.events} for recommendations in this process
 *                            ({@code AFTERCART_INTELLIGENCE_RECOMMEND_CONSUMER_CONCURRENCY}); 1 suits DuckDB
 * @param defaultLimit        products per answer when {@code limit} is not given
 *                            ({@code AFTERCART_INTELLIGENCE_RECOMMEND_DEFAULT_LIMIT})
 * @param maxLimit            the largest {@code limit} accepted ({@code AFTERCART_INTELLIGENCE_RECOMMEND_MAX_LIMIT})
 */
public record RecommendationProperties(
        @DefaultValue("1") int consumerConcurrency,
        @DefaultValue("10") int defaultLimit,
        @DefaultValue("100") int maxLimit) {
}
