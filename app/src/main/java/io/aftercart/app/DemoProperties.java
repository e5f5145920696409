package io.aftercart.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo shop ({@code --demo}, or {@code AFTERCART_DEMO_ENABLED=true}).
 *
 * @param enabled        whether to start it
 * @param customers      how many customers the shop has ({@code AFTERCART_DEMO_CUSTOMERS})
 * @param historyDays    how much history it backfills before streaming live ({@code AFTERCART_DEMO_HISTORY_DAYS})
 * @param eventsPerSecond live traffic rate after the backfill ({@code AFTERCART_DEMO_EVENTS_PER_SECOND})
 * @param seed           random seed: the same seed re-sends the same history, which the collector de-duplicates
 */
@ConfigurationProperties("aftercart.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("3000") int customers,
        @DefaultValue("540") int historyDays,
        @DefaultValue("5") double eventsPerSecond,
        @DefaultValue("42") long seed) {
}
