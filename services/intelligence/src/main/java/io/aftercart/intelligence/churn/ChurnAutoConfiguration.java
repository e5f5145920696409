package io.aftercart.intelligence.churn;

import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.IntelligenceAutoConfiguration;
import io.aftercart.intelligence.IntelligenceProperties;
import io.aftercart.intelligence.churn.internal.ChurnStore;
import io.aftercart.intelligence.churn.internal.ModelVersionStore;
import io.aftercart.intelligence.kafka.ChurnEventListener;
import io.aftercart.intelligence.kafka.PredictionPublisher;
import io.aftercart.intelligence.web.ChurnController;
import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.kafka.KafkaBackboneAutoConfiguration;
import io.aftercart.platform.kafka.ServiceConsumers;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.reporting.ReportingAutoConfiguration;
import io.aftercart.platform.store.ServiceStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** Churn and lifetime value: the purchase ledger fed from the events topic, the models, their schedule and API. */
@AutoConfiguration(after = {IntelligenceAutoConfiguration.class, KafkaBackboneAutoConfiguration.class,
        ReportingAutoConfiguration.class})
@ConditionalOnService(IntelligenceAutoConfiguration.SERVICE)
public class ChurnAutoConfiguration {

    static final String CONSUMER = "intelligence-churn";

    @Bean
    ChurnStore churnStore(ServiceStore intelligenceStore) {
        return new ChurnStore(intelligenceStore);
    }

    @Bean
    PurchaseLedger purchaseLedger(ChurnStore churnStore, CurrencyConverter currencyConverter) {
        return new PurchaseLedger(churnStore, currencyConverter);
    }

    @Bean
    ChurnModels churnModels(ChurnStore churnStore, ServiceStore intelligenceStore,
            IntelligenceProperties properties, KafkaTemplate<String, byte[]> eventKafkaTemplate) {
        return new ChurnModels(churnStore, new ModelVersionStore(intelligenceStore), properties.churn(),
                new PredictionPublisher(eventKafkaTemplate), Clock.systemUTC());
    }

    @Bean
    ChurnRefitSchedule churnRefitSchedule(ChurnModels churnModels, IntelligenceProperties properties) {
        return new ChurnRefitSchedule(churnModels, properties.churn());
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> churnEventListenerContainer(ServiceConsumers consumers,
            PurchaseLedger purchaseLedger, ChurnModels churnModels, IntelligenceProperties properties) {
        return consumers.gatheringContainer(CONSUMER, properties.churn().consumerConcurrency(),
                Topics.EVENTS.topicName(), IntelligenceProperties.RESULT_DELAY,
                new ChurnEventListener(purchaseLedger, churnModels));
    }

    @Bean
    @ConditionalOnWebApplication
    ChurnController churnController(ChurnModels churnModels) {
        return new ChurnController(churnModels);
    }
}
