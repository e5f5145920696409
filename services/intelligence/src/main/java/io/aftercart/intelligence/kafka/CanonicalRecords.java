package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The canonical events of a poll. Records that are not canonical events are skipped with a count in the log: the
 * analytics service dead-letters them already, and a second copy would only add noise.
 */
final class CanonicalRecords {

    private static final Logger log = LoggerFactory.getLogger(CanonicalRecords.class);

    private CanonicalRecords() {
    }

    static List<CanonicalEvent> of(List<ConsumerRecord<String, byte[]>> records) {
        List<CanonicalEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CanonicalEvent event = record.value() == null ? null : EventJson.read(record.value());
                if (event != null && event.id() != null && event.type() != null) {
                    events.add(event);
                }
            } catch (JacksonException e) {
                // counted below
            }
        }
        if (events.size() < records.size()) {
            log.warn("Skipped {} of {} records that were not canonical events", records.size() - events.size(),
                    records.size());
        }
        return events;
    }
}
