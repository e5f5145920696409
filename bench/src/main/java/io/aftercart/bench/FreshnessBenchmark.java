package io.aftercart.bench;

import static io.aftercart.bench.ResultTable.decimal;
import static io.aftercart.bench.ResultTable.number;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import io.aftercart.contracts.Topics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile freshness: the all-in-one app in a child JVM ({@link AppProcess}, run as a user runs {@code java -jar},
 * no JVM options unless given) receives {@code Order Completed} events over {@code /v1/batch} at a fixed rate
 * (open loop, 5,000 events/s by default; half of them the first order of a new customer, half a further order of a
 * known one): a warm-up at that rate, a pause until every warm-up order is on its profile, then the measured
 * interval at that rate. Measured from the collector's 200:
 * <ul>
 *   <li>until the customer's profile on {@code aftercart.profiles} shows the order count the event implies — the
 *       figure with the target, p99 ≤ 1 s;</li>
 *   <li>the same-run baseline: until the event itself is on {@code aftercart.events} (the Kafka transport every
 *       consumer waits for anyway);</li>
 *   <li>and, for a sample (one new customer every {@code --probe-every}), until {@code GET /api/v1/customers/{id}}
 *       answers with the order (polled every 20 ms, so up to 20 ms late).</li>
 * </ul>
 * {@code --services=collector,profiles} runs the app without the other consumer groups, to see the profiles
 * consumer alone. On PostgreSQL ({@code --jvm-args='-Daftercart.store.url=…'}, an empty database per run), run the
 * server with autovacuum on: the app warns when it is off, and the figures are then those of unanalysed tables. Run
 * from the repository root after building the exec jar (about 3.5 minutes plus the pause):
 * <pre>./mvnw -q -B -pl bench compile exec:java -Dexec.mainClass=io.aftercart.bench.FreshnessBenchmark
 *     [-Dexec.args="--rate=5000 --duration=30s --jvm-args='-Xmx1g' --services=all"]</pre>
 */
public final class FreshnessBenchmark {

    private static final double TARGET_P99_MILLIS = 1_000;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_IN_FLIGHT = 64;
    /** Read once: each Examples.valid reads and parses the example from the jar, most of the sender's CPU. */
    private static final ObjectNode ORDER_PROPERTIES = Examples.valid(EventType.ORDER_COMPLETED);

    private final Options options;
    private final AppProcess app;
    private final HttpClient http;
    private final String writeKeyAuthorization;
    private final String apiAuthorization;
    private final FreshnessTracker tracker = new FreshnessTracker();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Random random = new Random(7);
    private final List<String> knownCustomers = new ArrayList<>();
    private final Map<String, AtomicInteger> ordersSent = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong measuredAcknowledged = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicLong skippedTicks = new AtomicLong();
    private final AtomicLong probesTimedOut = new AtomicLong();
    private final AtomicReference<String[]> latestNewCustomer = new AtomicReference<>();
    private final Histogram requestLatency = new Histogram(Duration.ofSeconds(60).toNanos() / 1_000, 3);
    private final Histogram getLatency = new Histogram(Duration.ofSeconds(60).toNanos() / 1_000, 3);
    // nothing is measured until the warm-up and the pause after it are over
    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;
    private final CpuUse measuredCpu;
    private double settledSeconds;
    private long settlePending;

    private FreshnessBenchmark(Options options, AppProcess app, HttpClient http, String writeKey,
            String apiAuthorization) {
        this.options = options;
        this.app = app;
        this.http = http;
        this.writeKeyAuthorization = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(UTF_8));
        this.apiAuthorization = apiAuthorization;
        this.measuredCpu = new CpuUse(app.pid(), Duration.ZERO);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("jar", "");
        defaults.put("jvm-args", String.join(" ", BenchOptions.README_JVM_ARGS));
        defaults.put("rate", "5000");
        defaults.put("batch-size", "50");
        // a cold all-in-one app needs about 90 s on two cores before its consumers run compiled code (measured); a
        // shorter warm-up measures the JIT and the backlog it leaves rather than the sustained rate
        defaults.put("warmup", "120s");
        defaults.put("settle", "120s");
        defaults.put("duration", "30s");
        defaults.put("drain", "30s");
        defaults.put("probe-every", "200");
        defaults.put("services", "all");
        Options options = Options.parse(args, defaults);
        Path jar = options.text("jar").isBlank() ? BenchOptions.defaultJar()
                : Path.of(options.text("jar")).toAbsolutePath();
        List<String> jvmArgs = options.text("jvm-args").isBlank() ? List.of()
                : Arrays.asList(options.text("jvm-args").trim().split("\\s+"));
        String writeKey = "bench-" + UUID.randomUUID();
        AdminCredentials admin = AdminCredentials.random();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf(Locale.ROOT, "Freshness benchmark: %s, services %s, app JVM options %s, %d cores, "
                + "load average %s%n", jar, options.text("services"), jvmArgs.isEmpty() ? "(defaults)" : jvmArgs,
                Runtime.getRuntime().availableProcessors(), ProcessStats.loadAverage());
        long startedAt = System.nanoTime();
        try (AppProcess app = AppProcess.start(jar, jvmArgs, writeKey, appArguments(admin, options))) {
            app.awaitHealthy(http);
            System.out.printf(Locale.ROOT, "App pid %d healthy on %s in %.1f s (log: %s)%n", app.pid(),
                    app.baseUri(), (System.nanoTime() - startedAt) / 1e9, app.log());
            new FreshnessBenchmark(options, app, http, writeKey, admin.apiAuthorization(http, app.baseUri())).run();
        }
    }

    private static List<String> appArguments(AdminCredentials admin, Options options) {
        List<String> arguments = new ArrayList<>(admin.appArguments());
        arguments.add("--aftercart.services=" + options.text("services"));
        return arguments;
    }

    private void run() throws Exception {
        int rate = options.integer("rate");
        int batchSize = options.integer("batch-size");
        long periodMicros = 1_000_000L * batchSize / rate;
        long warmupNanos = options.seconds("warmup").toNanos();
        long measuredNanos = options.seconds("duration").toNanos();
        int unauthenticated = apiStatusWithout();
        System.out.printf(Locale.ROOT, "API without credentials answers %d; sending %,d events/s as %d-event batches "
                + "every %,d µs%n", unauthenticated, rate, batchSize, periodMicros);

        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Thread watcher = new Thread(() -> watch(consumer), "topic-watcher");
            watcher.setDaemon(true);
            watcher.start();
            Thread prober = new Thread(this::probe, "profile-prober");
            prober.setDaemon(true);
            prober.start();
            send(batchSize, periodMicros, warmupNanos);
            settle(options.seconds("settle").toNanos());
            measureFrom = System.nanoTime();
            measureUntil = measureFrom + measuredNanos;
            measuredCpu.measure("measured interval", () -> {
                send(batchSize, periodMicros, measuredNanos);
                return null;
            });
            long drainEnd = System.nanoTime() + options.seconds("drain").toNanos();
            while (tracker.measuredPending() > 0 && System.nanoTime() < drainEnd) {
                Thread.sleep(100);
            }
            prober.interrupt();
            prober.join(PROBE_TIMEOUT.toMillis());
            // wakeup, not interrupt: an interrupted poll throws Kafka's InterruptException out of the thread
            consumer.wakeup();
            watcher.join(5_000);
        }
        report(rate, measuredNanos / 1e9);
    }

    /** Sends at the rate for the given time, then waits until every request sent was answered. */
    private void send(int batchSize, long periodMicros, long nanos) throws InterruptedException {
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        sender.scheduleAtFixedRate(() -> sendBatch(batchSize, inFlight), 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep(nanos / 1_000_000 + 1);
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
        inFlight.acquire(MAX_IN_FLIGHT);
    }

    /**
     * Between warm-up and measurement, no sends until every warm-up order is on its profile (or {@code --settle}
     * ran out), so that the measured interval starts from a caught-up app and shows whether it keeps up with the rate,
     * not the backlog its cold start left.
     */
    private void settle(long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (tracker.pendingProfiles() > 0 && System.nanoTime() - start < timeoutNanos) {
            Thread.sleep(100);
        }
        settledSeconds = (System.nanoTime() - start) / 1e9;
        settlePending = tracker.pendingProfiles();
    }

    private void report(int rate, double measuredSeconds) {
        Histogram transport = tracker.transport();
        Histogram profile = tracker.profile();
        ResultTable table = new ResultTable();
        double achieved = measuredAcknowledged.get() / measuredSeconds;
        table.add("events/s acknowledged by the collector (measured interval)", number(achieved),
                "≥ " + number(rate), achieved >= rate * 0.98);
        table.add("collector /v1/batch request p50 / p99 ms", decimal(millis(requestLatency, 50)) + " / "
                + decimal(millis(requestLatency, 99)));
        table.add("failed requests / sends skipped (64 requests in flight)", number(failedRequests.get()) + " / "
                + number(skippedTicks.get()));
        table.add("pause after warm-up until its profiles caught up, s (orders still pending)",
                decimal(settledSeconds) + " (" + number(settlePending) + ")");
        table.add("baseline: 200 → event on aftercart.events, p50 ms", decimal(millis(transport, 50)));
        table.add("baseline: 200 → event on aftercart.events, p99 ms", decimal(millis(transport, 99)));
        table.add("events measured (transport / profile)", number(transport.getTotalCount()) + " / "
                + number(profile.getTotalCount()));
        table.add("200 → profile on aftercart.profiles, p50 ms", decimal(millis(profile, 50)));
        table.add("200 → profile on aftercart.profiles, p99 ms", decimal(millis(profile, 99)), "≤ 1,000",
                profile.getTotalCount() > 0 && millis(profile, 99) <= TARGET_P99_MILLIS
                        && tracker.measuredPendingProfiles() == 0);
        table.add("200 → profile, max ms", decimal(profile.getMaxValue() / 1_000.0));
        table.add("ratio profile p99 / transport p99", decimal(millis(profile, 99) / millis(transport, 99)));
        table.add("profiles not updated by the end of the drain", number(tracker.measuredPendingProfiles()), "0",
                tracker.measuredPendingProfiles() == 0);
        table.add("200 → GET /api/v1/customers/{id} shows it (probes), p50 ms", decimal(millis(getLatency, 50)));
        table.add("200 → GET /api/v1/customers/{id} shows it (probes), p99 ms", decimal(millis(getLatency, 99)));
        table.add("probes answered / timed out (" + PROBE_TIMEOUT.toSeconds() + " s)",
                number(getLatency.getTotalCount()) + " / " + number(probesTimedOut.get()));
        System.out.printf("%nLoad average now %s; %s%n", ProcessStats.loadAverage(), measuredCpu.summary());
        System.out.println(table.render());
    }

    /** One tick of the open-loop sender: a batch of orders, posted asynchronously; its 200 feeds the tracker. */
    private void sendBatch(int batchSize, Semaphore inFlight) {
        if (!inFlight.tryAcquire()) {
            skippedTicks.incrementAndGet();
            return;
        }
        List<String[]> orders = new ArrayList<>(batchSize); // order id, customer id, order count it implies
        StringBuilder body = new StringBuilder(batchSize * 400).append("{\"batch\":[");
        String now = Instant.now().toString();
        for (int i = 0; i < batchSize; i++) {
            String[] order = nextOrder();
            orders.add(order);
            ObjectNode properties = ORDER_PROPERTIES.deepCopy().put("order_id", order[0]);
            ObjectNode event = EventJson.mapper().createObjectNode().put("messageId", order[0]).put("type", "track")
                    .put("event", EventType.ORDER_COMPLETED.wireName()).put("userId", order[1])
                    .put("timestamp", now);
            event.set("properties", properties);
            body.append(i > 0 ? "," : "").append(EventJson.mapper().writeValueAsString(event));
        }
        body.append("]}");
        HttpRequest request = HttpRequest.newBuilder(app.baseUri().resolve("/v1/batch"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", writeKeyAuthorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        long sentAt = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long ackAt = System.nanoTime();
            inFlight.release();
            boolean measured = sentAt >= measureFrom && ackAt <= measureUntil;
            if (error != null || response.statusCode() != 200
                    || !response.body().contains("\"accepted\":" + batchSize + ",")) {
                failedRequests.incrementAndGet();
                return;
            }
            if (measured) {
                synchronized (requestLatency) {
                    requestLatency.recordValue((ackAt - sentAt) / 1_000);
                }
                measuredAcknowledged.addAndGet(batchSize);
            }
            for (String[] order : orders) {
                tracker.acknowledged(order[0], order[1], Integer.parseInt(order[2]), ackAt, measured);
                if (order[2].equals("1")) {
                    latestNewCustomer.set(new String[] {order[1], Long.toString(ackAt)});
                }
            }
        });
    }

    /** Half new customers, half known ones; returns order id, customer id and the order count it brings. */
    private String[] nextOrder() {
        long n = sequence.getAndIncrement();
        String customer;
        if (knownCustomers.isEmpty() || random.nextBoolean()) {
            customer = "fresh-" + runId + "-" + n;
            knownCustomers.add(customer);
        } else {
            customer = knownCustomers.get(random.nextInt(knownCustomers.size()));
        }
        int count = ordersSent.computeIfAbsent(customer, c -> new AtomicInteger()).incrementAndGet();
        return new String[] {"fresh-" + runId + "-order-" + n, customer, Integer.toString(count)};
    }

    /** Reads both topics from their current end; every record is matched as it arrives. */
    private void watch(KafkaConsumer<String, byte[]> consumer) {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long at = System.nanoTime();
                    if (record.value() == null) {
                        continue;
                    }
                    if (record.topic().equals(Topics.EVENTS.topicName())) {
                        JsonNode orderId = EventJson.read(record.value()).properties().get("order_id");
                        if (orderId != null) {
                            tracker.eventSeen(orderId.asString(), at);
                        }
                    } else {
                        JsonNode profile = EventJson.mapper().readTree(record.value());
                        tracker.profileSeen(record.key(), profile.path("orderCount").asInt(), at);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopped) {
            // the run is over
        }
    }

    /** Every {@code --probe-every} ms, polls the profile API for the latest acknowledged new customer. */
    private void probe() {
        long every = options.number("probe-every");
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(every);
                String[] latest = latestNewCustomer.getAndSet(null);
                if (latest == null) {
                    continue;
                }
                long ackAt = Long.parseLong(latest[1]);
                boolean measured = ackAt >= measureFrom && ackAt <= measureUntil;
                HttpRequest request = HttpRequest.newBuilder(app.baseUri().resolve("/api/v1/customers/" + latest[0]))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", apiAuthorization).build();
                long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
                boolean seen = false;
                while (!seen && System.nanoTime() < deadline) {
                    HttpResponse<String> response = answerOrNull(request);
                    long at = System.nanoTime();
                    if (response != null && response.statusCode() == 200
                            && EventJson.mapper().readTree(response.body()).path("orderCount").asInt() >= 1) {
                        if (measured) {
                            getLatency.recordValue(Math.max(at - ackAt, 0) / 1_000);
                        }
                        seen = true;
                    } else {
                        Thread.sleep(POLL_INTERVAL.toMillis());
                    }
                }
                probesTimedOut.addAndGet(seen || !measured ? 0 : 1);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Probing the profile API failed", e);
        }
    }

    /** The answer, or null when the app did not answer in time (an overloaded app; the probe tries again). */
    private HttpResponse<String> answerOrNull(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException late) {
            return null;
        }
    }

    /** What the customer API answers without credentials (401 when the API is protected; 404 for no customer). */
    private int apiStatusWithout() throws Exception {
        return http.send(HttpRequest.newBuilder(app.baseUri().resolve("/api/v1/customers/nobody")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", app.kafkaBootstrapServers(),
                "enable.auto.commit", false,
                "fetch.max.wait.ms", 10,
                "max.poll.records", 5_000), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topics topic : List.of(Topics.EVENTS, Topics.PROFILES)) {
            consumer.partitionsFor(topic.topicName()).forEach(info -> partitions.add(new TopicPartition(info.topic(),
                    info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before any event is sent
        return consumer;
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
