package io.aftercart.collector.internal;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.ServiceStore;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers accepted messageIds for the dedupe window, across restarts.
 *
 * <p>Most ids are new, so a Bloom filter answers "never seen" without touching the store; only its rare positives
 * are looked up. An id is {@linkplain #claim claimed} while its request is in flight (so two concurrent requests
 * cannot both accept it), {@linkplain #commit committed} once Kafka acknowledged it, and written to the store in
 * batches by {@link #flush()}. An id acknowledged in the last instant before a crash may be forgotten; the
 * consumers are idempotent by event id, so it is still stored once.
 */
public final class MessageIdIndex {

    private static final Logger log = LoggerFactory.getLogger(MessageIdIndex.class);
    private static final BulkInsert SEEN = new BulkInsert("seen_messages", List.of(
            new BulkInsert.Column("message_id", "TEXT"), new BulkInsert.Column("seen_at", "TIMESTAMPTZ")),
            "ON CONFLICT (message_id) DO NOTHING");

    private final ServiceStore store;
    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Instant> unflushed = new ConcurrentHashMap<>();
    private final BloomFilter<CharSequence> seen;

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
        boolean[] duplicate = new boolean[ids.size()];
        List<Integer> maybeSeen = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (inFlight.putIfAbsent(id, Boolean.TRUE) != null) {
                duplicate[i] = true;
            } else if (seen.mightContain(id)) {
                maybeSeen.add(i);
            }
        }
        // Unflushed ids first, the store second: flush() stores an id before it leaves unflushed, so in this order
        // a concurrent flush cannot hide an id from both look-ups.
        List<Integer> lookUp = new ArrayList<>();
        for (int i : maybeSeen) {
            if (unflushed.containsKey(ids.get(i))) {
                duplicate[i] = true;
                inFlight.remove(ids.get(i));
            } else {
                lookUp.add(i);
            }
        }
        if (lookUp.isEmpty()) {
            return duplicate;
        }
        Set<String> stored = storedAmong(lookUp.stream().map(ids::get).toList());
        for (int i : lookUp) {
            if (stored.contains(ids.get(i))) {
                duplicate[i] = true;
                inFlight.remove(ids.get(i));
            }
        }
        return duplicate;
    }

    /** The claimed ids are in Kafka now: remember them. */
    public void commit(Collection<String> ids) {
        Instant now = clock.instant();
        for (String id : ids) {
            seen.put(id);
            unflushed.put(id, now);
            inFlight.remove(id);
        }
    }

    /** The claimed ids were not accepted (Kafka failed, or they were rejected): forget the claim. */
    public void release(Collection<String> ids) {
        ids.forEach(inFlight::remove);
    }

    /** Writes committed ids to the store; called on a schedule and at shutdown. */
    public synchronized void flush() {
        if (unflushed.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Instant>> batch = new ArrayList<>(unflushed.entrySet());
        insert(batch);
        batch.forEach(entry -> unflushed.remove(entry.getKey(), entry.getValue()));
    }

    /**
     * Forgets ids older than the window. The Bloom filter keeps them until the next start, which only costs look-ups.
     */
    public void purgeExpired() {
        int purged = store.jdbc().sql("DELETE FROM seen_messages WHERE seen_at < ?")
                .param(Timestamp.from(clock.instant().minus(window)))
                .update();
        if (purged > 0) {
            log.info("Forgot {} messageIds older than {}", purged, window);
        }
    }

    private void insert(List<Map.Entry<String, Instant>> rows) {
        SEEN.write(store, rows.stream().map(row -> new Object[] {row.getKey(), row.getValue()}).toList());
    }

    private Set<String> storedAmong(List<String> ids) {
        Set<String> stored = new HashSet<>();
        for (List<Object> chunk : InList.chunks(ids)) {
            stored.addAll(store.jdbc()
                    .sql("SELECT message_id FROM seen_messages WHERE " + InList.of("message_id", chunk))
                    .params(chunk)
                    .query(String.class)
                    .list());
        }
        return stored;
    }

    private BloomFilter<CharSequence> load() {
        BloomFilter<CharSequence> filter = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8),
                capacity, 0.001);
        long[] count = {0};
        store.jdbc().sql("SELECT message_id FROM seen_messages").query(rs -> {
            filter.put(rs.getString(1));
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
