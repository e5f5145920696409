package io.aftercart.intelligence.recommend;

import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.IntelligenceAutoConfiguration;
import io.aftercart.intelligence.IntelligenceProperties;
import io.aftercart.intelligence.kafka.RecommendationEventListener;
import io.aftercart.intelligence.recommend.internal.RecommendationStore;
import io.aftercart.intelligence.web.RecommendationController;
import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.kafka.KafkaBackboneAutoConfiguration;
import io.aftercart.platform.kafka.ServiceConsumers;
import io.aftercart.platform.store.ServiceStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Recommendations: the in-memory model rebuilt from the intelligence store at start, the consumer that feeds it
 * order lines from {@code aftercart.events} (its own consumer group, {@code aftercart-intelligence-recommend}) and
 * the HTTP API.
 */
@AutoConfiguration(after = {IntelligenceAutoConfiguration.class, KafkaBackboneAutoConfiguration.class})
@ConditionalOnService(IntelligenceAutoConfiguration.SERVICE)
public class RecommendationAutoConfiguration {

    static final String CONSUMER = "intelligence-recommend";

    @Bean
    Recommender recommender() {
        return new Recommender();
    }

    @Bean
    RecommendationRecorder recommendationRecorder(@Qualifier("intelligenceStore") ServiceStore intelligenceStore,
            Recommender recommender) {
        RecommendationRecorder recorder = new RecommendationRecorder(new RecommendationStore(intelligenceStore),
                recommender);
        recorder.restore();
        return recorder;
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> recommendationListenerContainer(ServiceConsumers consumers,
            RecommendationRecorder recommendationRecorder, IntelligenceProperties properties) {
        return consumers.gatheringContainer(CONSUMER, properties.recommend().consumerConcurrency(),
                Topics.EVENTS.topicName(), IntelligenceProperties.RESULT_DELAY,
                new RecommendationEventListener(recommendationRecorder));
    }

    @Bean
    @ConditionalOnWebApplication
    RecommendationController recommendationController(Recommender recommender, IntelligenceProperties properties) {
        return new RecommendationController(recommender, properties.recommend());
    }
}
