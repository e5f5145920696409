package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.recommend.RecommendationRecorder;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Feeds the order and return events of each poll of {@link Topics#EVENTS} to the recommendation model (one store
 * transaction per poll); offsets are committed after this returns.
 */
public class RecommendationEventListener implements BatchMessageListener<String, byte[]> {

    private final RecommendationRecorder recorder;

    public RecommendationEventListener(RecommendationRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        recorder.record(CanonicalRecords.of(records, RecommendationRecorder.EVENT_TYPES));
    }
}
