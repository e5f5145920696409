package io.aftercart.analytics;

import static io.aftercart.analytics.internal.EventRows.utc;

import io.aftercart.analytics.internal.EventInserter;
import io.aftercart.analytics.internal.EventRows;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.store.Md5Key;
import io.aftercart.platform.store.ServiceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every canonical event, stored once per id, and the queries over them. Runs on DuckDB and PostgreSQL alike.
 */
public class EventWarehouse {

    private final ServiceStore store;
    private final EventInserter inserter;
    private final NewEventsListener listener;
    /** Batches share it; a replay takes it alone, so that no batch commits between its reset and its end. */
    private final ReadWriteLock replayLock = new ReentrantReadWriteLock();

    public EventWarehouse(ServiceStore store) {
        this(store, NewEventsListener.NONE);
    }

    /** @param listener called in each batch's transaction with the events that batch stored for the first time */
    public EventWarehouse(ServiceStore store, NewEventsListener listener) {
        this.store = store;
        this.inserter = new EventInserter(store);
        this.listener = listener;
    }

    /**
     * Stores a whole poll in one transaction; ids already stored (or repeated within the batch) are skipped, so a
     * redelivered poll changes nothing.
     *
     * @return how many events were new
     */
    public int storeBatch(List<CanonicalEvent> events) {
        List<CanonicalEvent> distinct = firstPerId(events);
        if (distinct.isEmpty()) {
            return 0;
        }
        replayLock.readLock().lock();
        try {
            Integer inserted = store.transactions().execute(status -> {
                Set<String> newIds = inserter.insertNew(distinct);
                if (!newIds.isEmpty()) {
                    listener.onNewEvents(distinct.stream().filter(event -> newIds.contains(event.id())).toList());
                }
                return newIds.size();
            });
            return inserted == null ? 0 : inserted;
        } finally {
            replayLock.readLock().unlock();
        }
    }

    /**
     * Rebuilds derived state: in one transaction, while no batch is being stored, runs {@code reset} and then feeds
     * every stored event of the given types to {@code target}, in pages in key order. A failure rolls all of it back.
     *
     * @return how many events were replayed
     */
    public long replay(Collection<String> types, int pageSize, Runnable reset, NewEventsListener target) {
        replayLock.writeLock().lock();
        try {
            Long replayed = store.transactions().execute(status -> {
                reset.run();
                long count = 0;
                String select = "SELECT " + EventRows.COLUMNS + " FROM events WHERE type IN ("
                        + String.join(", ", Collections.nCopies(types.size(), "?")) + ")";
                UUID after = null;
                List<CanonicalEvent> page;
                do {
                    List<Object> params = new ArrayList<>(types);
                    String sql = select;
                    if (after != null) {
                        sql += " AND event_key > ?";
                        params.add(after);
                    }
                    params.add(pageSize);
                    page = store.jdbc().sql(sql + " ORDER BY event_key LIMIT ?").params(params)
                            .query(EventRows::map).list();
                    if (!page.isEmpty()) {
                        target.onNewEvents(page);
                        count += page.size();
                        after = Md5Key.of(page.get(page.size() - 1).id());
                    }
                } while (page.size() == pageSize);
                return count;
            });
            return replayed == null ? 0 : replayed;
        } finally {
            replayLock.writeLock().unlock();
        }
    }

    /**
     * A page of one customer's events ordered by event time (then id).
     *
     * @param type  only events of this type, or null for all
     * @param limit at most this many events (at least 1)
     * @param after the previous page's {@link EventPage#nextCursor()}, or null for the first page
     */
    public EventPage customerEvents(String customerId, String type, int limit, EventCursor after) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        StringBuilder sql = new StringBuilder("SELECT " + EventRows.COLUMNS + " FROM events WHERE customer_id = ?");
        List<Object> params = new ArrayList<>(List.of(customerId));
        if (type != null) {
            sql.append(" AND type = ?");
            params.add(type);
        }
        if (after != null) {
            sql.append(" AND (event_time > ? OR (event_time = ? AND id > ?))");
            params.addAll(List.of(utc(after.time()), utc(after.time()), after.id()));
        }
        sql.append(" ORDER BY event_time, id LIMIT ?");
        params.add(limit + 1); // one more than asked tells whether a next page exists
        List<CanonicalEvent> rows = store.jdbc().sql(sql.toString()).params(params).query(EventRows::map).list();
        if (rows.size() <= limit) {
            return new EventPage(rows, null);
        }
        CanonicalEvent last = rows.get(limit - 1);
        return new EventPage(rows.subList(0, limit), new EventCursor(last.time(), last.id()).encode());
    }

    /**
     * Events per type whose event time lies in [since, until).
     *
     * @param since inclusive lower bound, or null for no bound
     * @param until exclusive upper bound, or null for no bound
     */
    public EventCounts countByType(Instant since, Instant until) {
        StringBuilder sql = new StringBuilder("SELECT type, COUNT(*) AS n FROM events WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (since != null) {
            sql.append(" AND event_time >= ?");
            params.add(utc(since));
        }
        if (until != null) {
            sql.append(" AND event_time < ?");
            params.add(utc(until));
        }
        sql.append(" GROUP BY type");
        Map<String, Long> byType = new TreeMap<>();
        store.jdbc().sql(sql.toString()).params(params)
                .query(row -> { byType.put(row.getString("type"), row.getLong("n")); });
        return new EventCounts(byType, byType.values().stream().mapToLong(Long::longValue).sum());
    }

    /** All events stored. */
    public long count() {
        return store.jdbc().sql("SELECT COUNT(*) FROM events").query(Long.class).single();
    }

    private static List<CanonicalEvent> firstPerId(List<CanonicalEvent> events) {
        Map<String, CanonicalEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.id(), event));
        return new ArrayList<>(byId.values());
    }
}
