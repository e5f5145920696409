package io.aftercart.collector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.platform.store.Md5Key;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.StoreProperties;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dedupe index on a real DuckDB store. */
class MessageIdIndexIT {

    private static final Duration WINDOW = Duration.ofDays(7);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-10T12:00:00Z"));
    private ServiceStores stores;
    private ServiceStore store;
    private MessageIdIndex index;

    @BeforeEach
    void open() {
        index = reopen();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void aClaimedIdIsADuplicateUntilReleasedAndForeverOnceCommitted() {
        assertThat(index.claim(List.of("a", "b", "c"))).containsExactly(false, false, false);
        assertThat(index.claim(List.of("a", "b", "c", "d"))).containsExactly(true, true, true, false);

        index.release(List.of("a", "d"));
        index.commit(List.of("b"));

        assertThat(index.claim(List.of("a", "b", "d"))).containsExactly(false, true, false);
        index.release(List.of("a", "d", "c"));
        assertThat(index.claim(List.of("c", "b"))).containsExactly(false, true);
    }

    @Test
    void anIdRepeatedInOneListIsADuplicateAfterItsFirstPosition() {
        assertThat(index.claim(List.of("x", "y", "x", "x", "y", "z"))).containsExactly(false, false, true, true, true,
                false);
        index.commit(List.of("x", "y", "z"));
        index.flush();

        assertThat(index.claim(List.of("z", "new", "new"))).containsExactly(true, false, true);
    }

    @Test
    void concurrentClaimsOfOneIdHaveExactlyOneWinner() throws Exception {
        int threads = 12;
        int ids = 150;
        AtomicInteger[] winners = IntStream.range(0, ids).mapToObj(i -> new AtomicInteger())
                .toArray(AtomicInteger[]::new);
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        AtomicBoolean claiming = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            // The flusher moves committed ids into the store while others are being looked up.
            Future<?> flusher = pool.submit(() -> {
                start.await();
                while (claiming.get()) {
                    index.flush();
                }
                return null;
            });
            List<Future<?>> claimers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                claimers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ids; i++) {
                        String id = "msg-" + i;
                        if (!index.claim(List.of(id))[0]) {
                            winners[i].incrementAndGet();
                            index.commit(List.of(id));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> claimer : claimers) {
                claimer.get(60, TimeUnit.SECONDS);
            }
            claiming.set(false);
            flusher.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(IntStream.range(0, ids).filter(i -> winners[i].get() != 1).mapToObj(i -> "msg-" + i + " won "
                + winners[i].get() + " times")).isEmpty();
    }

    @Test
    void concurrentClaimsOfTheSameIdWhileInFlightHaveExactlyOneWinner() throws Exception {
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentHashMap<Integer, Boolean> duplicate = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> claims = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                claims.add(pool.submit(() -> {
                    start.await();
                    duplicate.put(thread, index.claim(List.of("same"))[0]);
                    return null;
                }));
            }
            for (Future<?> claim : claims) {
                claim.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(duplicate).hasSize(threads);
        assertThat(duplicate.values().stream().filter(d -> !d)).hasSize(1);
    }

    @Test
    void flushedIdsSurviveAReopen() {
        index.claim(List.of("kept", "released", "unflushed"));
        index.commit(List.of("kept"));
        index.release(List.of("released"));
        index.flush();

        MessageIdIndex reopened = reopen();

        assertThat(reopened.claim(List.of("kept", "released", "fresh"))).containsExactly(true, false, false);
    }

    @Test
    void aKeyAnotherWriterStoredMeanwhileIsFlushedOnce() {
        index.claim(List.of("a", "b"));
        index.commit(List.of("a", "b"));
        store.jdbc().sql("INSERT INTO seen_message_keys VALUES (?, ?)")
                .params(Md5Key.of("a"), Timestamp.from(clock.instant())).update();

        index.flush();

        assertThat(store.jdbc().sql("SELECT count(*) FROM seen_message_keys").query(Long.class).single())
                .isEqualTo(2L);
        assertThat(reopen().claim(List.of("a", "b", "c"))).containsExactly(true, true, false);
    }

    @Test
    void flushingTwiceStoresEachIdOnce() {
        index.claim(List.of("a"));
        index.commit(List.of("a"));
        index.flush();
        index.flush();

        assertThat(store.jdbc().sql("SELECT count(*) FROM seen_message_keys").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void forgetsIdsOlderThanTheWindow() {
        index.claim(List.of("old"));
        index.commit(List.of("old"));
        index.flush();
        clock.advance(WINDOW.minusHours(1));
        index.claim(List.of("recent"));
        index.commit(List.of("recent"));
        index.flush();

        index.purgeExpired();
        assertThat(index.claim(List.of("old", "recent"))).containsExactly(true, true);

        clock.advance(Duration.ofHours(2));
        index.purgeExpired();

        assertThat(index.claim(List.of("old", "recent"))).containsExactly(false, true);
        index.release(List.of("old"));
        assertThat(reopen().claim(List.of("old", "recent"))).containsExactly(false, true);
    }

    @Test
    void duckDbKeepsOnlyThePrimaryKeyIndex() {
        assertThat(store.jdbc().sql("SELECT index_name FROM duckdb_indexes() WHERE table_name = 'seen_message_keys'")
                .query(String.class).list()).isEmpty();
    }

    /** Closes the store and opens the same file again, as a restarted collector does. */
    private MessageIdIndex reopen() {
        if (stores != null) {
            stores.close();
        }
        stores = new ServiceStores(new StoreProperties(null, null, null, 2), dir);
        store = stores.open("collector");
        return new MessageIdIndex(store, clock, WINDOW, 10_000);
    }
}
