package io.aftercart.bench;

import static io.aftercart.bench.ResultTable.decimal;
import static io.aftercart.bench.ResultTable.number;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The walking-skeleton benchmark: the all-in-one app in a child JVM, loaded over HTTP from this JVM with batched
 * ({@code /v1/batch}) and single-event ({@code /v1/track}) requests, compared with a raw {@code KafkaProducer}
 * writing the same records to the same broker in the same run. It prints a table of figures against the targets,
 * the app's peak resident memory, and how far the event warehouse lagged behind.
 *
 * <p>Run from the repository root, after building the exec jar ({@code ./mvnw -q -B install -pl app -am
 * -DskipTests}):
 * <pre>./mvnw -q -B -pl bench compile exec:java [-Dexec.args="--duration=20s --jvm-arg=-Xmx1g ..."]</pre>
 * Options are listed in {@link BenchOptions}. The load is closed-loop (each client thread sends its next request
 * when the previous one is answered), so latencies are those at the measured throughput.
 */
public final class CollectorBenchmark {

    private static final double TARGET_BATCHED_EVENTS_PER_SECOND = 30_000;
    private static final double TARGET_RATIO_TO_RAW = 0.15;
    private static final double TARGET_BATCHED_P99_MILLIS = 50;
    private static final double TARGET_SINGLE_REQUESTS_PER_SECOND = 5_000;
    private static final long TARGET_RSS_BYTES = 1536L * 1024 * 1024;

    private CollectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        String writeKey = "bench-" + UUID.randomUUID();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("Collector benchmark: %s, services %s, app JVM options %s, %d cores, load average %s%n",
                options.jar(), options.services(), options.jvmArgs(),
                Runtime.getRuntime().availableProcessors(), ProcessStats.loadAverage());
        System.out.printf("Each phase: %ds warm-up + %ds measured; batched %d events/request on %d threads, "
                + "single events on %d threads%n", options.warmup().toSeconds(), options.duration().toSeconds(),
                options.batchSize(), options.batchConcurrency(), options.singleConcurrency());

        long startedAt = System.nanoTime();
        AdminCredentials admin = AdminCredentials.random();
        List<String> appArgs = new ArrayList<>(admin.appArguments());
        // the gateway's per-key rate limit and per-request access log would measure themselves, not the collector
        appArgs.addAll(List.of("--aftercart.gateway.ingest-rate-per-second=1000000000",
                "--aftercart.gateway.ingest-rate-burst=1000000000", "--logging.level.io.aftercart.gateway.access=WARN",
                "--aftercart.services=" + options.services()));
        try (AppProcess app = AppProcess.start(options.jar(), options.jvmArgs(), writeKey, appArgs)) {
            app.awaitHealthy(http);
            System.out.printf("App pid %d healthy on %s in %.1f s (log: %s)%n", app.pid(), app.baseUri(),
                    (System.nanoTime() - startedAt) / 1e9, app.log());
            try (RssSampler rss = new RssSampler(app.pid())) {
                run(options, app, http, writeKey, rss, admin.apiAuthorization(http, app.baseUri()));
            }
        }
    }

    private static void run(BenchOptions options, AppProcess app, HttpClient http, String writeKey, RssSampler rss,
            String apiAuthorization) throws Exception {
        EventPayloads payloads = new EventPayloads(42);
        try (HttpLoad load = new HttpLoad(writeKey)) {
            runPhases(options, app, http, rss, apiAuthorization, payloads, load);
        }
    }

    private static void runPhases(BenchOptions options, AppProcess app, HttpClient http, RssSampler rss,
            String apiAuthorization, EventPayloads payloads, HttpLoad load) throws Exception {
        CpuUse cpu = new CpuUse(app.pid(), options.warmup());

        WarehouseCount warehouse = new WarehouseCount(http, app.baseUri(), apiAuthorization);
        // Each load phase starts once the warehouse has stored what the phase before it accepted, so the single-event
        // phase measures its own requests rather than the app storing the batched backlog beside them.
        PhaseResult batched = cpu.measure("batched", () -> load.run("batched", app.baseUri().resolve("/v1/batch"),
                () -> payloads.batch(options.batchSize()), options.batchConcurrency(), options.warmup(),
                options.duration()));
        WarehouseCount.Drain afterBatched = warehouse.drain(batched.acceptedTotal(), options.catchUpTimeout());
        PhaseResult single = cpu.measure("single", () -> load.run("single", app.baseUri().resolve("/v1/track"),
                payloads::single, options.singleConcurrency(), options.warmup(), options.duration()));
        long accepted = batched.acceptedTotal() + single.acceptedTotal();
        // before the raw phase, so the warehouse's catching up neither slows the raw producer nor is slowed by it
        WarehouseCount.Drain afterSingle = warehouse.drain(accepted, options.catchUpTimeout());

        RawProducerLoad raw = new RawProducerLoad(app.kafkaBootstrapServers());
        List<ProducerRecord<byte[], byte[]>> records = raw.sampleCollectorRecords();
        PhaseResult producer = cpu.measure("raw producer", () -> raw.run(records, options.warmup(),
                options.duration()));

        ResultTable table = new ResultTable();
        table.add("batched: events/s acknowledged by Kafka", number(batched.eventsPerSecond()), "≥ 30,000",
                batched.eventsPerSecond() >= TARGET_BATCHED_EVENTS_PER_SECOND);
        table.add("batched: requests/s", number(batched.requestsPerSecond()));
        table.add("batched: request p50 ms", decimal(batched.percentileMillis(50)));
        table.add("batched: request p99 ms", decimal(batched.percentileMillis(99)), "≤ 50",
                batched.percentileMillis(99) <= TARGET_BATCHED_P99_MILLIS);
        table.add("batched: request max ms", decimal(batched.maxMillis()));
        table.add("batched: failed requests", number(batched.failures()));
        table.add("single: requests/s (1 event each)", number(single.requestsPerSecond()), "≥ 5,000",
                single.requestsPerSecond() >= TARGET_SINGLE_REQUESTS_PER_SECOND);
        table.add("single: request p50 ms", decimal(single.percentileMillis(50)));
        table.add("single: request p99 ms", decimal(single.percentileMillis(99)));
        table.add("single: request max ms", decimal(single.maxMillis()));
        table.add("single: failed requests", number(single.failures()));
        table.add("raw KafkaProducer: records/s (same records, same broker)", number(producer.eventsPerSecond()));
        table.add("raw KafkaProducer: failed sends", number(producer.failures()));
        double ratio = batched.eventsPerSecond() / producer.eventsPerSecond();
        table.add("ratio batched / raw producer", decimal(ratio), "≥ 0.15", ratio >= TARGET_RATIO_TO_RAW);
        table.add("ratio single / raw producer", decimal(single.eventsPerSecond() / producer.eventsPerSecond()));
        long peak = rss.peakBytes();
        table.add("app peak RSS MiB", number(peak / 1024.0 / 1024.0), "< 1,536", peak < TARGET_RSS_BYTES);
        addDrain(table, "batched", afterBatched);
        addDrain(table, "single", afterSingle);
        System.out.printf("%nAverage event: %d bytes of JSON; %,d events accepted over HTTP in all (warm-ups "
                + "included); raw records replayed: %,d distinct; load average now %s%n",
                payloads.averageEventBytes(), accepted, records.size(), ProcessStats.loadAverage());
        System.out.println(cpu.summary());
        System.out.println(table.render());
    }

    private static void addDrain(ResultTable table, String phase, WarehouseCount.Drain drain) {
        table.add("warehouse lag at end of " + phase + " load (events)", number(drain.lagAtStart()));
        table.add("warehouse: all " + phase + " events stored, s after its load ended", drain.caughtUp()
                ? decimal(drain.seconds()) : "lag " + number(drain.lagAtEnd()) + " after " + decimal(drain.seconds())
                + " s", "all stored", drain.caughtUp());
    }
}
