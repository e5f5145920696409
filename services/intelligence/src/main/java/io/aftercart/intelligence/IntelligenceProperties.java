package io.aftercart.intelligence;

import io.aftercart.intelligence.churn.ChurnProperties;
import io.aftercart.intelligence.recommend.RecommendationProperties;
import io.aftercart.intelligence.sentiment.SentimentProperties;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the intelligence service ({@code aftercart.intelligence.*}, environment
 * {@code AFTERCART_INTELLIGENCE_*}), one group per part; each group's keys and defaults are documented on its record.
 *
 * @param sentiment {@code aftercart.intelligence.sentiment.*}
 * @param churn     {@code aftercart.intelligence.churn.*}
 * @param recommend {@code aftercart.intelligence.recommend.*}
 */
@ConfigurationProperties("aftercart.intelligence")
public record IntelligenceProperties(
        @DefaultValue SentimentProperties sentiment,
        @DefaultValue ChurnProperties churn,
        @DefaultValue RecommendationProperties recommend) {

    /**
     * How long the service's consumers of the event stream wait to gather about a thousand events into one poll: each
     * poll costs them a store transaction whatever its size, and their results (scores, recommendations, sentiment)
     * may well arrive half a second later.
     */
    public static final Duration RESULT_DELAY = Duration.ofMillis(500);
}
