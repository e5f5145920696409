package io.aftercart.analytics.kafka;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterReason;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.DeadLetter;
import io.aftercart.platform.kafka.DeadLetterPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.core.JacksonException;

/**
 * Stores each poll of {@link Topics#EVENTS} in the warehouse in one transaction. A record that is not a canonical
 * event goes to the dead-letter topic instead, so it never blocks its partition. The container commits the poll's
 * offsets only after this returns, i.e. after the events and dead letters are durable; a redelivery after a crash
 * is absorbed by the warehouse's idempotent insert.
 */
public class EventWarehouseListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EventWarehouseListener.class);

    private final EventWarehouse warehouse;
    private final DeadLetterPublisher deadLetters;

    public EventWarehouseListener(EventWarehouse warehouse, DeadLetterPublisher deadLetters) {
        this.warehouse = warehouse;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<CanonicalEvent> events = new ArrayList<>(records.size());
        List<CompletableFuture<?>> rejections = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(parse(record.value()));
            } catch (UnusableRecordException e) {
                rejections.add(deadLetters.publish(new DeadLetter(DeadLetterReason.UNPARSEABLE, e.getMessage(), null,
                        record.topic(), "kafka", record.key(), record.value())));
            }
        }
        warehouse.storeBatch(events);
        CompletableFuture.allOf(rejections.toArray(CompletableFuture[]::new)).join();
        if (!rejections.isEmpty()) {
            log.warn("Dead-lettered {} of {} records that were not canonical events", rejections.size(), records.size());
        }
    }

    static CanonicalEvent parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new UnusableRecordException("the record has no value");
        }
        CanonicalEvent event;
        try {
            event = EventJson.read(value);
        } catch (JacksonException e) {
            // the original message, without the location excerpt that would copy payload (personal data) along
            throw new UnusableRecordException("not a canonical event JSON object: " + e.getOriginalMessage());
        }
        if (event == null || event.id() == null || event.type() == null || event.time() == null) {
            throw new UnusableRecordException("a canonical event needs id, type and time");
        }
        return event;
    }

    static class UnusableRecordException extends RuntimeException {
        UnusableRecordException(String message) {
            super(message);
        }
    }
}
