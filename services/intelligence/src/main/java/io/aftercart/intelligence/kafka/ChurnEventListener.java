package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.churn.ChurnModels;
import io.aftercart.intelligence.churn.PurchaseLedger;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Feeds each poll of {@link Topics#EVENTS} into the purchase ledger (one transaction per poll), then re-scores the
 * customers whose orders changed. Offsets are committed after this returns.
 */
public class ChurnEventListener implements BatchMessageListener<String, byte[]> {

    private final PurchaseLedger ledger;
    private final ChurnModels models;

    public ChurnEventListener(PurchaseLedger ledger, ChurnModels models) {
        this.ledger = ledger;
        this.models = models;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> touched = ledger.record(CanonicalRecords.of(records));
        models.rescore(touched);
    }
}
