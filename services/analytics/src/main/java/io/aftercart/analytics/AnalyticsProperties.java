package io.aftercart.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the analytics service.
 *
 * @param consumerConcurrency consumers of {@code aftercart.events} in this process
 *                            ({@code AFTERCART_ANALYTICS_CONSUMER_CONCURRENCY}); 1 suits DuckDB, which has one
 *                            writer; on PostgreSQL it may go up to the topic's partition count
 * @param defaultPageSize     events per page when a request gives no {@code limit}
 *                            ({@code AFTERCART_ANALYTICS_DEFAULT_PAGE_SIZE})
 * @param maxPageSize         the largest {@code limit} a request may ask for
 *                            ({@code AFTERCART_ANALYTICS_MAX_PAGE_SIZE})
 */
@ConfigurationProperties("aftercart.analytics")
public record AnalyticsProperties(
        @DefaultValue("1") int consumerConcurrency,
        @DefaultValue("100") int defaultPageSize,
        @DefaultValue("500") int maxPageSize) {
}
