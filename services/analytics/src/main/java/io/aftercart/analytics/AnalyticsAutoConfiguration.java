package io.aftercart.analytics;

import io.aftercart.analytics.kafka.EventWarehouseListener;
import io.aftercart.analytics.kpi.KpiQueries;
import io.aftercart.analytics.kpi.KpiRollups;
import io.aftercart.analytics.web.KpiAdminController;
import io.aftercart.analytics.web.KpiController;
import io.aftercart.analytics.web.EventsController;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.kafka.DeadLetterPublisher;
import io.aftercart.platform.kafka.KafkaBackboneAutoConfiguration;
import io.aftercart.platform.kafka.ServiceConsumers;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.reporting.ReportingAutoConfiguration;
import io.aftercart.platform.reporting.ReportingProperties;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.StoreAutoConfiguration;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The analytics service: its store, the event warehouse with the KPI rollups kept alongside, the consumer that fills
 * them and their read APIs.
 */
@AutoConfiguration(after = {KafkaBackboneAutoConfiguration.class, StoreAutoConfiguration.class,
        ReportingAutoConfiguration.class})
@ConditionalOnService("analytics")
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsAutoConfiguration {

    static final String SERVICE = "analytics";

    /** The analytics store, shared by every analytics component (a DuckDB file can be opened only once). */
    @Bean
    ServiceStore analyticsStore(ServiceStores stores) {
        return stores.open(SERVICE);
    }

    @Bean
    KpiRollups kpiRollups(ServiceStore analyticsStore, CurrencyConverter currencyConverter,
            ReportingProperties reporting) {
        return new KpiRollups(analyticsStore, currencyConverter, reporting.timeZone());
    }

    /** The warehouse adds each batch's new events to the KPI rollups in the batch's transaction. */
    @Bean
    EventWarehouse eventWarehouse(ServiceStore analyticsStore, KpiRollups kpiRollups) {
        return new EventWarehouse(analyticsStore, kpiRollups);
    }

    @Bean
    KpiQueries kpiQueries(ServiceStore analyticsStore, CurrencyConverter currencyConverter) {
        return new KpiQueries(analyticsStore, currencyConverter);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> eventWarehouseListenerContainer(ServiceConsumers consumers,
            EventWarehouse eventWarehouse, DeadLetterPublisher deadLetterPublisher, AnalyticsProperties properties) {
        // every poll is a transaction of a few statements: gathering a few hundred events into one costs each event
        // far less, and the warehouse and its KPIs may show them a quarter of a second later
        return consumers.gatheringContainer(SERVICE, properties.consumerConcurrency(), Topics.EVENTS.topicName(),
                Duration.ofMillis(250), new EventWarehouseListener(eventWarehouse, deadLetterPublisher));
    }

    @Bean
    @ConditionalOnWebApplication
    EventsController analyticsEventsController(EventWarehouse eventWarehouse, AnalyticsProperties properties) {
        return new EventsController(eventWarehouse, properties);
    }

    @Bean
    @ConditionalOnWebApplication
    KpiController kpiController(KpiQueries kpiQueries) {
        return new KpiController(kpiQueries);
    }

    @Bean
    @ConditionalOnWebApplication
    KpiAdminController kpiAdminController(KpiRollups kpiRollups, EventWarehouse eventWarehouse) {
        return new KpiAdminController(kpiRollups, eventWarehouse);
    }
}
