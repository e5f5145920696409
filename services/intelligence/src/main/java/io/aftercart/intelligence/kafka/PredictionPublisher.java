package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.churn.CustomerPrediction;
import io.aftercart.intelligence.churn.PredictionSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes predictions to the compacted {@link Topics#PREDICTIONS} topic, keyed by customer id. */
public class PredictionPublisher implements PredictionSink {

    private final KafkaTemplate<String, byte[]> kafka;

    public PredictionPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(List<CustomerPrediction> predictions) {
        CompletableFuture<?>[] sends = predictions.stream()
                .map(p -> kafka.send(Topics.PREDICTIONS.topicName(), p.customerId(),
                        EventJson.mapper().writeValueAsBytes(p)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
    }
}
