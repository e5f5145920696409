package io.aftercart.bench;

import static io.aftercart.bench.ResultTable.decimal;
import static io.aftercart.bench.ResultTable.number;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.BulkInsert.Column;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.StoreProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Inserting a consumer's poll of rows whose key may be stored already, on embedded DuckDB: {@link BulkInsert}'s
 * {@code newRowsOnly} (look the keys up, insert the others plainly) against the baseline of the same rows through
 * {@code ON CONFLICT (key) DO NOTHING}, in alternating polls on one connection, each in its own transaction, into the
 * services' real tables after a preload: the profiles service's {@code facts} (a text key) and the warehouse's
 * {@code events} (a UUID key). A tenth of each poll's keys are stored already, as after a redelivery. No target: it
 * shows what each way costs per row as the table grows. Run from the repository root (about a minute):
 * <pre>./mvnw -q -B -pl bench compile exec:java -Dexec.mainClass=io.aftercart.bench.BulkInsertBenchmark
 *     [-Dexec.args="--preload=1500000 --polls=200 --poll-size=500"]</pre>
 */
public final class BulkInsertBenchmark {

    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    private BulkInsertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("preload", "1500000");
        defaults.put("polls", "200");
        defaults.put("poll-size", "500");
        Options options = Options.parse(args, defaults);
        System.out.printf(Locale.ROOT, "Bulk insert benchmark: %,d rows preloaded per table, %d polls of %d rows,"
                + " load average %s%n", options.number("preload"), options.integer("polls"),
                options.integer("poll-size"), ProcessStats.loadAverage());
        Path dir = Files.createTempDirectory("aftercart-bulk-insert-bench-");
        ResultTable table = new ResultTable();
        try (ServiceStores stores = new ServiceStores(new StoreProperties(null, null, null, 1), dir)) {
            ServiceStore profiles = stores.open("profiles");
            List<Column> facts = List.of(new Column("event_id", "TEXT"), new Column("subject_id", "TEXT"),
                    new Column("anonymous", "BOOLEAN"), new Column("event_time", "TIMESTAMPTZ"),
                    new Column("type", "TEXT"));
            profiles.jdbc().sql("INSERT INTO facts (event_id, subject_id, anonymous, event_time, type)"
                    + " SELECT 'evt-' || uuid(), 'customer-' || (i % 300000), false, now(), 'Order Completed'"
                    + " FROM range(" + options.number("preload") + ") AS t(i)").update();
            compare(table, "facts (text key)", profiles, "facts", facts, "event_id",
                    key -> new Object[] {key, "customer-1", false, TIME, "Order Completed"},
                    random -> "evt-" + new UUID(random.nextLong(), random.nextLong()), options);

            ServiceStore analytics = stores.open("analytics");
            List<Column> events = List.of(new Column("event_key", "UUID"), new Column("id", "TEXT"),
                    new Column("type", "TEXT"), new Column("event_time", "TIMESTAMPTZ"));
            analytics.jdbc().sql("INSERT INTO events (event_key, id, type, event_time) SELECT k, CAST(k AS TEXT),"
                    + " 'Order Completed', now() FROM (SELECT uuid() AS k FROM range(" + options.number("preload")
                    + ")) AS keys").update();
            compare(table, "events (UUID key)", analytics, "events", events, "event_key",
                    key -> new Object[] {key, key.toString(), "Order Completed", TIME},
                    random -> new UUID(random.nextLong(), random.nextLong()), options);
        } finally {
            AppProcess.deleteRecursively(dir);
        }
        System.out.println(table.render());
    }

    private static <K> void compare(ResultTable table, String name, ServiceStore store, String tableName,
            List<Column> columns, String key, Function<K, Object[]> row, Function<Random, K> newKey,
            Options options) {
        store.jdbc().sql("CHECKPOINT").query().listOfRows();
        BulkInsert newRowsOnly = BulkInsert.newRowsOnly(tableName, columns, key);
        BulkInsert onConflict = new BulkInsert(tableName, columns, "ON CONFLICT (" + key + ") DO NOTHING");
        @SuppressWarnings("unchecked")
        List<K> stored = (List<K>) store.jdbc().sql("SELECT " + key + " FROM " + tableName + " USING SAMPLE 10000")
                .query((rs, n) -> rs.getObject(1)).list();
        Random random = new Random(7);
        int size = options.integer("poll-size");
        long[] nanos = new long[2];
        long[] inserted = new long[2];
        for (int poll = 0; poll < options.integer("polls"); poll++) {
            List<Object[]> rows = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                rows.add(row.apply(i < size / 10 ? stored.get(random.nextInt(stored.size())) : newKey.apply(random)));
            }
            int way = poll % 2;
            BulkInsert insert = way == 0 ? newRowsOnly : onConflict;
            long start = System.nanoTime();
            Integer written = store.transactions().execute(status -> insert.write(store, rows));
            nanos[way] += System.nanoTime() - start;
            inserted[way] += written == null ? 0 : written;
        }
        double newRowsMicros = nanos[0] / 1e3 / inserted[0];
        double conflictMicros = nanos[1] / 1e3 / inserted[1];
        table.add(name + ": rows inserted per way", number(inserted[0]) + " / " + number(inserted[1]));
        table.add(name + ": newRowsOnly, µs per inserted row", decimal(newRowsMicros));
        table.add(name + ": baseline ON CONFLICT DO NOTHING, µs per inserted row", decimal(conflictMicros));
        table.add(name + ": ratio baseline / newRowsOnly", decimal(conflictMicros / newRowsMicros));
    }
}
