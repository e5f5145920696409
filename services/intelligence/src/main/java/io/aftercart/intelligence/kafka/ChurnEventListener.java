package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.churn.ChurnModels;
import io.aftercart.intelligence.churn.PurchaseLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.core.JacksonException;

/**
 * Feeds each poll of {@link Topics#EVENTS} into the purchase ledger (one transaction per poll), then re-scores the
 * customers whose orders changed. Records that are not canonical events are skipped: the analytics service
 * dead-letters them already, and a second copy would only add noise. Offsets are committed after this returns.
 */
public class ChurnEventListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ChurnEventListener.class);

    private final PurchaseLedger ledger;
    private final ChurnModels models;

    public ChurnEventListener(PurchaseLedger ledger, ChurnModels models) {
        this.ledger = ledger;
        this.models = models;
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
        Set<String> touched = ledger.record(events);
        models.rescore(touched);
    }
}
