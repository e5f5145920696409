package io.aftercart.bench;

import static io.aftercart.bench.ResultTable.decimal;
import static io.aftercart.bench.ResultTable.number;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The KPI API against the raw events: the analytics service runs in this JVM on a fresh DuckDB data directory (or,
 * with {@code --store-url=jdbc:postgresql://…}, on PostgreSQL, where the naive queries run in PostgreSQL's SQL); a
 * synthetic three-year shop history ({@link ShopHistory}, 10,000,000 events by default) is stored through the
 * product's own write path, {@link EventWarehouse#storeBatch} (which updates the KPI rollups in the same transaction,
 * as the Kafka consumer does), in large batches; then each KPI endpoint is measured over HTTP with a closed-loop
 * client, and the same KPI is computed by a straightforward SQL query over the {@code events} table in the same
 * database. The two answers are compared cell by cell. Targets: API p99 ≤ 50 ms and the naive query ≥ 100× slower
 * than the API's p99.
 *
 * <p>Run from the repository root (10M events: about 7 minutes of load and 3 of measuring on 2 cores; 1M events:
 * about 3 minutes in all; a few GB of disk in the temporary directory, or in {@code --keep=<dir>}):
 * <pre>./mvnw -q -B -pl bench compile exec:java -Dexec.mainClass=io.aftercart.bench.KpiBenchmark
 *     [-Dexec.args="--events=1000000 --duration=15s"]</pre>
 */
public final class KpiBenchmark {

    private static final double TARGET_P99_MILLIS = 50;
    private static final double TARGET_RATIO = 100;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AnalyticsOnly {
    }

    private KpiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("events", "10000000");
        defaults.put("batch-size", "50000");
        defaults.put("concurrency", "1");
        defaults.put("warmup", "5s");
        defaults.put("duration", "15s");
        defaults.put("naive-runs", "3");
        // DuckDB keeps primary-key indexes in its buffer memory: a 10M-event history needs more than the default
        defaults.put("duckdb-memory-limit", "4GB");
        // a directory to keep the loaded history in, so that a later run measures again without loading
        defaults.put("keep", "");
        // PostgreSQL instead of DuckDB: an empty database loads the history, one holding it measures again
        defaults.put("store-url", "");
        defaults.put("store-username", "postgres");
        Options options = Options.parse(args, defaults);
        System.out.printf(Locale.ROOT, "KPI benchmark: %,d events, %d cores, max heap %,d MiB, load average %s%n",
                options.number("events"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, ProcessStats.loadAverage());
        boolean keep = !options.text("keep").isBlank();
        Path dir = keep ? Files.createDirectories(Path.of(options.text("keep")))
                : Files.createTempDirectory("aftercart-kpi-bench-");
        AdminCredentials admin = AdminCredentials.random();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--aftercart.services=analytics", "--aftercart.data-dir=" + dir.resolve("data"),
                "--aftercart.kafka.embedded-port=" + AppProcess.freePort(), "--logging.level.root=WARN",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
        if (options.text("store-url").isBlank()) {
            arguments.add("--aftercart.store.duckdb-memory-limit=" + options.text("duckdb-memory-limit"));
            // every core for DuckDB, so that the naive query is measured at its fastest
            arguments.add("--aftercart.store.duckdb-threads=" + Runtime.getRuntime().availableProcessors());
        } else {
            arguments.add("--aftercart.store.url=" + options.text("store-url"));
            arguments.add("--aftercart.store.username=" + options.text("store-username"));
        }
        arguments.addAll(admin.appArguments());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AnalyticsOnly.class)
                .run(arguments.toArray(String[]::new))) {
            run(options, app, admin);
        } finally {
            if (!keep) {
                AppProcess.deleteRecursively(dir);
            }
        }
    }

    private static void run(Options options, ConfigurableApplicationContext app, AdminCredentials admin)
            throws Exception {
        EventWarehouse warehouse = app.getBean(EventWarehouse.class);
        ServiceStore store = app.getBean("analyticsStore", ServiceStore.class);
        ShopHistory history = new ShopHistory();
        long kept = warehouse.count();
        double loadSeconds = kept > 0 ? Double.NaN
                : load(history, warehouse, options.number("events"), options.integer("batch-size"));
        long stored = warehouse.count();
        long customerDays = store.jdbc().sql("SELECT COUNT(*) FROM kpi_customer_day").query(Long.class).single();
        if (kept > 0) {
            System.out.printf(Locale.ROOT, "Measuring the %,d events kept in %s (no load); kpi_customer_day rows: "
                    + "%,d%n", kept, options.text("keep"), customerDays);
        } else {
            System.out.printf(Locale.ROOT, "Stored %,d events of %,d customers in %.1f s: %,.0f events/s through "
                    + "EventWarehouse.storeBatch (rollups included); kpi_customer_day rows: %,d; load average %s%n",
                    stored, history.customers(), loadSeconds, stored / loadSeconds, customerDays,
                    ProcessStats.loadAverage());
        }
        if (store.dialect() == SqlDialect.DUCKDB) {
            System.out.printf(Locale.ROOT, "DuckDB memory in use: %s%n", store.jdbc().sql("SELECT string_agg(tag"
                    + " || ' ' || (memory_usage_bytes >> 20) || ' MiB', ', ' ORDER BY memory_usage_bytes DESC)"
                    + " FROM duckdb_memory() WHERE memory_usage_bytes > 0").query(String.class).single());
        }

        URI base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (GetLoad get = new GetLoad(admin.apiAuthorization(http, base))) {
            measure(options, store, get, base, stored, loadSeconds);
        }
    }

    private static void measure(Options options, ServiceStore store, GetLoad get, URI base, long stored,
            double loadSeconds) throws Exception {
        ResultTable table = new ResultTable();
        table.add("events in history", number(stored));
        if (!Double.isNaN(loadSeconds)) {
            table.add("load through EventWarehouse.storeBatch: events/s", number(stored / loadSeconds));
        }
        boolean allAgree = true;
        for (NaiveKpi kpi : NaiveKpi.all()) {
            URI uri = base.resolve(kpi.path());
            JsonNode answer = EventJson.mapper().readTree(get.body(uri));
            PhaseResult api = get.run(kpi.name(), uri, options.integer("concurrency"), options.seconds("warmup"),
                    options.seconds("duration"));
            double[] naiveMillis = new double[options.integer("naive-runs")];
            List<Map<String, Object>> rows = null;
            for (int run = 0; run < naiveMillis.length; run++) {
                long start = System.nanoTime();
                rows = store.jdbc().sql(kpi.sql(store.dialect())).query().listOfRows();
                naiveMillis[run] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(naiveMillis);
            double naiveMedian = naiveMillis[naiveMillis.length / 2];
            NaiveKpi.Agreement agreement = kpi.compare(answer, rows);
            allAgree &= agreement.mismatches().isEmpty();
            System.out.printf(Locale.ROOT, "%s: %,d requests, API p50 %.2f ms, p99 %.2f ms; naive SQL runs %s ms; "
                            + "%d cells compared, %d differ (e.g. %s)%n", kpi.name(), api.requests(),
                    api.percentileMillis(50), api.percentileMillis(99), Arrays.toString(Arrays.stream(naiveMillis)
                            .mapToLong(Math::round).toArray()), agreement.compared(), agreement.mismatches().size(),
                    agreement.example());
            agreement.mismatches().stream().limit(5).forEach(mismatch -> System.out.println("  DIFFERS " + mismatch));
            table.add(kpi.name() + ": API p50 ms", decimal(api.percentileMillis(50)));
            table.add(kpi.name() + ": API p99 ms", decimal(api.percentileMillis(99)), "≤ 50",
                    api.percentileMillis(99) <= TARGET_P99_MILLIS);
            table.add(kpi.name() + ": failed requests", number(api.failures()));
            table.add(kpi.name() + ": naive SQL over events, median ms", decimal(naiveMedian));
            double ratio = naiveMedian / api.percentileMillis(99);
            table.add(kpi.name() + ": ratio naive median / API p99", decimal(ratio), "≥ 100", ratio >= TARGET_RATIO);
        }
        table.add("API and naive SQL agree on every compared cell", allAgree ? "yes" : "NO", "agree", allAgree);
        System.out.printf("%nLoad average now %s; API measured with %d closed-loop client thread(s), %ds warm-up + "
                        + "%ds per endpoint%n", ProcessStats.loadAverage(), options.integer("concurrency"),
                options.seconds("warmup").toSeconds(), options.seconds("duration").toSeconds());
        System.out.println(table.render());
    }

    /** Generates on one thread while the warehouse stores on this one; returns the seconds the whole load took. */
    private static double load(ShopHistory history, EventWarehouse warehouse, long events, int batchSize)
            throws InterruptedException {
        BlockingQueue<List<CanonicalEvent>> batches = new ArrayBlockingQueue<>(2);
        List<CanonicalEvent> end = List.of();
        Thread generator = new Thread(() -> {
            try {
                history.generate(events, batchSize, batch -> put(batches, batch));
            } finally {
                put(batches, end);
            }
        }, "shop-history");
        generator.setDaemon(true); // a failing load must end the run, not leave the generator blocked on the queue
        long start = System.nanoTime();
        generator.start();
        long stored = 0;
        long reportAt = 1_000_000;
        for (List<CanonicalEvent> batch = batches.take(); batch != end; batch = batches.take()) {
            stored += warehouse.storeBatch(batch);
            if (stored >= reportAt) {
                System.out.printf(Locale.ROOT, "  %,d events stored, %.0f s%n", stored,
                        (System.nanoTime() - start) / 1e9);
                reportAt += 1_000_000;
            }
        }
        generator.join();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void put(BlockingQueue<List<CanonicalEvent>> queue, List<CanonicalEvent> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
