package io.aftercart.analytics.kafka;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterReason;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.DeadLetter;
import io.aftercart.platform.kafka.DeadLetterPublisher;
import java.sql.SQLException;
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
 * event goes to the dead-letter topic instead, so it never blocks its partition; so does an event the store refuses
 * for good (SQLSTATE class 22, a value it cannot hold, or 23, a constraint it breaks), found by storing the poll in
 * halves until the refused events stand alone while the rest is stored. Any other failure (the store unreachable)
 * is thrown, and the container retries the poll. The container commits the poll's offsets only after this returns,
 * i.e. after the events and dead letters are durable; a redelivery after a crash is absorbed by the warehouse's
 * idempotent insert.
 */
public class EventWarehouseListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EventWarehouseListener.class);

    private final EventWarehouse warehouse;
    private final DeadLetterPublisher deadLetters;

    private record Parsed(CanonicalEvent event, ConsumerRecord<String, byte[]> record) {
    }

    public EventWarehouseListener(EventWarehouse warehouse, DeadLetterPublisher deadLetters) {
        this.warehouse = warehouse;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<Parsed> events = new ArrayList<>(records.size());
        List<CompletableFuture<?>> unparseable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(new Parsed(parse(record.value()), record));
            } catch (UnusableRecordException e) {
                unparseable.add(deadLetter(record, DeadLetterReason.UNPARSEABLE, e.getMessage()));
            }
        }
        List<CompletableFuture<?>> refused = new ArrayList<>();
        store(events, refused);
        CompletableFuture.allOf(unparseable.toArray(CompletableFuture[]::new)).join();
        CompletableFuture.allOf(refused.toArray(CompletableFuture[]::new)).join();
        if (!unparseable.isEmpty()) {
            log.warn("Dead-lettered {} of {} records that were not canonical events", unparseable.size(),
                    records.size());
        }
        if (!refused.isEmpty()) {
            log.warn("Dead-lettered {} of {} events that the store refused", refused.size(), records.size());
        }
    }

    private void store(List<Parsed> events, List<CompletableFuture<?>> refused) {
        try {
            warehouse.storeBatch(events.stream().map(Parsed::event).toList());
        } catch (RuntimeException e) {
            String state = refusedState(e);
            if (state == null) {
                // only the class and state: the message may quote the values (personal data)
                log.warn("Storing {} events failed ({}, SQLSTATE {}); the poll will be retried", events.size(),
                        e.getClass().getSimpleName(), sqlState(e));
                throw e;
            }
            if (events.size() == 1) {
                Parsed only = events.get(0);
                refused.add(deadLetter(only.record(), DeadLetterReason.STORE_REJECTED,
                        "the store refused the event (SQLSTATE " + state + ")"));
                return;
            }
            int half = events.size() / 2;
            store(events.subList(0, half), refused);
            store(events.subList(half, events.size()), refused);
        }
    }

    private CompletableFuture<?> deadLetter(ConsumerRecord<String, byte[]> record, DeadLetterReason reason,
            String detail) {
        return deadLetters.publish(new DeadLetter(reason, detail, null, record.topic(), "kafka", record.key(),
                record.value()));
    }

    /** The SQLSTATE if the store refused the data itself (class 22 or 23), which no retry changes; else null. */
    static String refusedState(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23")) ? state : null;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
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
