package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.sentiment.SentimentRecorder;
import io.aftercart.intelligence.sentiment.SentimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.core.JacksonException;

/**
 * Scores each poll of {@link Topics#EVENTS} and publishes one result per text to {@link Topics#SENTIMENT}, keyed by
 * customer id. Results are acknowledged by Kafka before they are stored, and stored before the container commits the
 * poll's offsets. Records that are not canonical events are skipped here: the analytics service dead-letters them.
 */
public class SentimentEventListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(SentimentEventListener.class);

    private final SentimentRecorder recorder;
    private final KafkaTemplate<String, byte[]> kafka;

    public SentimentEventListener(SentimentRecorder recorder, KafkaTemplate<String, byte[]> kafka) {
        this.recorder = recorder;
        this.kafka = kafka;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CanonicalEvent> events = new ArrayList<>(records.size());
        int unusable = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            CanonicalEvent event = parse(record.value());
            if (event == null) {
                unusable++;
            } else {
                events.add(event);
            }
        }
        if (unusable > 0) {
            log.warn("Skipped {} of {} records that were not canonical events", unusable, records.size());
        }
        recorder.record(events, this::publish);
    }

    private void publish(List<SentimentResult> results) {
        CompletableFuture<?>[] sends = results.stream()
                .map(result -> kafka.send(Topics.SENTIMENT.topicName(), result.customerId(),
                        EventJson.mapper().writeValueAsBytes(result)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).join();
    }

    private static CanonicalEvent parse(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            return EventJson.read(value);
        } catch (JacksonException e) {
            return null;
        }
    }
}
