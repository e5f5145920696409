package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.sentiment.SentimentRecorder;
import io.aftercart.intelligence.sentiment.SentimentResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Scores the texts of each poll of {@link Topics#EVENTS} (and records order activity) and publishes one result per
 * text to {@link Topics#SENTIMENT}, keyed by customer id. Results are acknowledged by Kafka before they are stored,
 * and stored before the container commits the poll's offsets.
 */
public class SentimentEventListener implements BatchMessageListener<String, byte[]> {

    private final SentimentRecorder recorder;
    private final KafkaTemplate<String, byte[]> kafka;

    public SentimentEventListener(SentimentRecorder recorder, KafkaTemplate<String, byte[]> kafka) {
        this.recorder = recorder;
        this.kafka = kafka;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        recorder.record(CanonicalRecords.of(records, SentimentRecorder.EVENT_TYPES), this::publish);
    }

    private void publish(List<SentimentResult> results) {
        CompletableFuture<?>[] sends = results.stream()
                .map(result -> kafka.send(Topics.SENTIMENT.topicName(), result.customerId(),
                        EventJson.mapper().writeValueAsBytes(result)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
    }
}
