package io.aftercart.intelligence.sentiment;

import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.IntelligenceAutoConfiguration;
import io.aftercart.intelligence.IntelligenceProperties;
import io.aftercart.intelligence.kafka.SentimentEventListener;
import io.aftercart.intelligence.web.SentimentController;
import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.kafka.KafkaBackboneAutoConfiguration;
import io.aftercart.platform.kafka.ServiceConsumers;
import io.aftercart.platform.store.ServiceStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Sentiment of reviews, support tickets and NPS comments: the analyzer, its tables in the intelligence store, the
 * consumer that scores {@code aftercart.events} into {@code aftercart.sentiment} (its own consumer group,
 * {@code aftercart-intelligence-sentiment}) and the HTTP API.
 */
@AutoConfiguration(after = {IntelligenceAutoConfiguration.class, KafkaBackboneAutoConfiguration.class})
@ConditionalOnService(IntelligenceAutoConfiguration.SERVICE)
public class SentimentAutoConfiguration {

    static final String CONSUMER = "intelligence-sentiment";

    @Bean
    SentimentAnalyzer sentimentAnalyzer(IntelligenceProperties properties) {
        return new SentimentAnalyzer(properties.sentiment().aspects());
    }

    @Bean
    SentimentStore sentimentStore(@Qualifier("intelligenceStore") ServiceStore intelligenceStore) {
        return new SentimentStore(intelligenceStore);
    }

    @Bean
    SentimentRecorder sentimentRecorder(SentimentAnalyzer sentimentAnalyzer, SentimentStore sentimentStore,
            IntelligenceProperties properties) {
        return new SentimentRecorder(sentimentAnalyzer, sentimentStore, properties.sentiment());
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> sentimentListenerContainer(ServiceConsumers consumers,
            SentimentRecorder sentimentRecorder, KafkaTemplate<String, byte[]> eventKafkaTemplate,
            IntelligenceProperties properties) {
        return consumers.gatheringContainer(CONSUMER, properties.sentiment().consumerConcurrency(),
                Topics.EVENTS.topicName(), IntelligenceProperties.RESULT_DELAY,
                new SentimentEventListener(sentimentRecorder, eventKafkaTemplate));
    }

    @Bean
    @ConditionalOnWebApplication
    SentimentController sentimentController(SentimentAnalyzer sentimentAnalyzer, SentimentStore sentimentStore,
            IntelligenceProperties properties) {
        return new SentimentController(sentimentAnalyzer, sentimentStore, properties.sentiment());
    }
}
