package io.aftercart.analytics.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.ServiceStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the events whose key, the {@link io.aftercart.platform.store.Md5Key} of the id, is new
 * ({@link BulkInsert#newRowsOnly}), in the caller's transaction, in bulk on either store.
 */
public final class EventInserter {

    private static final BulkInsert EVENTS = BulkInsert.newRowsOnly("events", List.of(
            new BulkInsert.Column("event_key", "UUID"), new BulkInsert.Column("id", "TEXT"),
            new BulkInsert.Column("type", "TEXT"), new BulkInsert.Column("schema_ref", "TEXT"),
            new BulkInsert.Column("source", "TEXT"),
            new BulkInsert.Column("event_time", "TIMESTAMPTZ"), new BulkInsert.Column("received_at", "TIMESTAMPTZ"),
            new BulkInsert.Column("customer_id", "TEXT"), new BulkInsert.Column("anonymous_id", "TEXT"),
            new BulkInsert.Column("properties", "JSON"), new BulkInsert.Column("context", "JSON")),
            "event_key");

    private final ServiceStore store;

    public EventInserter(ServiceStore store) {
        this.store = store;
    }

    /**
     * @param events events with distinct ids
     * @return the ids of those that were not stored before (only they feed the rollups)
     */
    public Set<String> insertNew(List<CanonicalEvent> events) {
        return new HashSet<>(EVENTS.writeReturning(store, events.stream().map(EventRows::row).toList(), "id"));
    }
}
