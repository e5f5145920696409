package io.aftercart.analytics.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.store.ServiceStore;
import java.util.List;
import java.util.Set;

/**
 * Writes events with {@code ON CONFLICT (id) DO NOTHING}, in the caller's transaction, the fastest way each store
 * allows; the SQL semantics are the same on both.
 */
public interface EventInserter {

    /**
     * @param events events with distinct ids
     * @return the ids of those that were not stored before
     */
    Set<String> insertNew(List<CanonicalEvent> events);

    static EventInserter forStore(ServiceStore store) {
        return switch (store.dialect()) {
            case DUCKDB -> new DuckDbEventInserter(store.dataSource());
            case POSTGRESQL -> new MultiRowEventInserter(store.dataSource());
        };
    }
}
