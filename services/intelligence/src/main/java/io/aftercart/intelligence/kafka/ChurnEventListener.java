package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.Topics;
import io.aftercart.intelligence.churn.ChurnModels;
import io.aftercart.intelligence.churn.PurchaseLedger;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Feeds the order events of each poll of {@link Topics#EVENTS} into the purchase ledger (one transaction per poll)
 * and re-scores the customers with new orders before that transaction commits: a failed publish leaves the poll
 * unrecorded, so its retry scores them again. Offsets are committed after this returns.
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
        ledger.record(CanonicalRecords.of(records, PurchaseLedger.EVENT_TYPES), models::rescore);
    }
}
