package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.recommend.RecommendationRecorder;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.core.JacksonException;

/**
 * Feeds each poll of {@link Topics#EVENTS} to the recommendation model (one store transaction per poll); offsets are
 * committed after this returns. Records that are not canonical events are skipped: the analytics service
 * dead-letters them already.
 */
public class RecommendationEventListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(RecommendationEventListener.class);

    private final RecommendationRecorder recorder;

    public RecommendationEventListener(RecommendationRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CanonicalEvent> events = new ArrayList<>(records.size());
        int skipped = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CanonicalEvent event = record.value() == null ? null : EventJson.read(record.value());
                if (event != null && event.id() != null && event.type() != null) {
                    events.add(event);
                } else {
                    skipped++;
                }
            } catch (JacksonException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            log.warn("Skipped {} of {} records that were not canonical events", skipped, records.size());
        }
        recorder.record(events);
    }
}
