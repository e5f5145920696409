package io.aftercart.collector.internal;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnel;
import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.Md5Key;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Remembers accepted messageIds for the dedupe window, across restarts.
 *
 * <p>Most ids are new, so a Bloom filter answers "never seen" without touching the store; only its rare positives
 * are looked up. An id is {@linkplain #claim claimed} while its request is in flight (so two concurrent requests
 * cannot both accept it), {@linkplain #commit committed} once Kafka acknowledged it, and written to the store in
 * batches by {@link #flush()}. An id acknowledged in the last instant before a crash may be forgotten; the
 * consumers are idempotent by event id, so it is still stored once.
 *
 * <p>Ids are kept by their {@link Md5Key}: a fixed 16 bytes, whatever the id's length.
 */
public final class MessageIdIndex {

    private static final Logger log = LoggerFactory.getLogger(MessageIdIndex.class);
    private static final List<BulkInsert.Column> COLUMNS = List.of(
            new BulkInsert.Column("message_key", "UUID"), new BulkInsert.Column("seen_at", "TIMESTAMPTZ"));
    private static final BulkInsert NEW_KEYS = new BulkInsert("seen_message_keys", COLUMNS, "");
    private static final BulkInsert KEYS = new BulkInsert("seen_message_keys", COLUMNS,
            "ON CONFLICT (message_key) DO NOTHING");
    private static final Funnel<UUID> KEY_FUNNEL = (key, into) ->
            into.putLong(key.getMostSignificantBits()).putLong(key.getLeastSignificantBits());

    private final ServiceStore store;
    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final Map<UUID, Boolean> inFlight = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> unflushed = new ConcurrentHashMap<>();
    private final BloomFilter<UUID> seen;

    public MessageIdIndex(ServiceStore store, Clock clock, Duration window, int capacity) {
        this.store = store;
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
        this.seen = load();
    }

    /**
     * Claims the given ids for a request and tells, position by position, which are duplicates: already accepted,
     * claimed by a request in flight, or repeated earlier in the same list. The others are now claimed.
     */
    public boolean[] claim(List<String> ids) {
        List<UUID> keys = ids.stream().map(Md5Key::of).toList();
        boolean[] duplicate = new boolean[keys.size()];
        List<Integer> maybeSeen = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            UUID key = keys.get(i);
            if (inFlight.putIfAbsent(key, Boolean.TRUE) != null) {
                duplicate[i] = true;
            } else if (seen.mightContain(key)) {
                maybeSeen.add(i);
            }
        }
        // Unflushed ids first, the store second: flush() stores an id before it leaves unflushed, so in this order
        // a concurrent flush cannot hide an id from both look-ups.
        List<Integer> lookUp = new ArrayList<>();
        for (int i : maybeSeen) {
            if (unflushed.containsKey(keys.get(i))) {
                duplicate[i] = true;
                inFlight.remove(keys.get(i));
            } else {
                lookUp.add(i);
            }
        }
        if (lookUp.isEmpty()) {
            return duplicate;
        }
        Set<UUID> stored = storedAmong(lookUp.stream().map(keys::get).toList());
        for (int i : lookUp) {
            if (stored.contains(keys.get(i))) {
                duplicate[i] = true;
                inFlight.remove(keys.get(i));
            }
        }
        return duplicate;
    }

    /** The claimed ids are in Kafka now: remember them. */
    public void commit(Collection<String> ids) {
        Instant now = clock.instant();
        for (String id : ids) {
            UUID key = Md5Key.of(id);
            seen.put(key);
            unflushed.put(key, now);
            inFlight.remove(key);
        }
    }

    /** The claimed ids were not accepted (Kafka failed, or they were rejected): forget the claim. */
    public void release(Collection<String> ids) {
        ids.forEach(id -> inFlight.remove(Md5Key.of(id)));
    }

    /** Writes committed ids to the store; called on a schedule and at shutdown. */
    public synchronized void flush() {
        if (unflushed.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Instant>> batch = new ArrayList<>(unflushed.entrySet());
        insert(batch);
        batch.forEach(entry -> unflushed.remove(entry.getKey(), entry.getValue()));
    }

    /**
     * Forgets ids older than the window. The Bloom filter keeps them until the next start, which only costs look-ups.
     */
    public void purgeExpired() {
        int purged = store.jdbc().sql("DELETE FROM seen_message_keys WHERE seen_at < ?")
                .param(Timestamp.from(clock.instant().minus(window)))
                .update();
        if (purged > 0) {
            log.info("Forgot {} messageIds older than {}", purged, window);
        }
    }

    /**
     * A committed key is new to the store, as {@link #claim} checked, unless another collector shares it. DuckDB's
     * {@code ON CONFLICT} costs a hash join of about 8 ms however few the rows (100 new keys against 2 million: 8.5 ms,
     * plain 1.1 ms), five times a second, so there the keys go in plainly and only a failed insert is retried with
     * the conflict clause. A DuckDB file has one collector; PostgreSQL may have several, and checks conflicts cheaply.
     */
    private void insert(List<Map.Entry<UUID, Instant>> entries) {
        List<Object[]> rows = entries.stream().map(row -> new Object[] {row.getKey(), row.getValue()}).toList();
        if (store.dialect() == SqlDialect.DUCKDB) {
            try {
                NEW_KEYS.write(store, rows);
                return;
            } catch (DataAccessException e) {
                log.debug("Plain insert of {} keys failed, retrying with the conflict clause", rows.size(), e);
            }
        }
        KEYS.write(store, rows);
    }

    private Set<UUID> storedAmong(List<UUID> keys) {
        Set<UUID> stored = new HashSet<>();
        for (List<Object> chunk : InList.chunks(keys)) {
            stored.addAll(store.jdbc()
                    .sql("SELECT message_key FROM seen_message_keys WHERE " + InList.of("message_key", chunk))
                    .params(chunk)
                    .query((row, n) -> row.getObject(1, UUID.class))
                    .list());
        }
        return stored;
    }

    private BloomFilter<UUID> load() {
        BloomFilter<UUID> filter = BloomFilter.create(KEY_FUNNEL, capacity, 0.001);
        long[] count = {0};
        store.jdbc().sql("SELECT message_key FROM seen_message_keys").query(rs -> {
            filter.put(rs.getObject(1, UUID.class));
            count[0]++;
        });
        if (count[0] > capacity) {
            log.warn("{} messageIds in the dedupe window exceed aftercart.collector.dedupe-capacity={}; "
                    + "raise it to keep look-ups rare", count[0], capacity);
        }
        log.info("Dedupe index loaded: {} messageIds within {}", count[0], window);
        return filter;
    }
}
