package io.aftercart.bench.intelligence;

import static io.aftercart.bench.ResultTable.decimal;
import static io.aftercart.bench.ResultTable.number;

import io.aftercart.bench.Options;
import io.aftercart.bench.ProcessStats;
import io.aftercart.bench.ResultTable;
import io.aftercart.collector.internal.CanonicalEventProducer;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.intelligence.churn.ChurnModelVersion;
import io.aftercart.intelligence.churn.ChurnModels;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * What each of the intelligence service's consumers of {@code aftercart.events} costs per event: the service runs in
 * this JVM on an embedded broker and a fresh DuckDB directory, with its listener containers stopped; the events are
 * published as the collector publishes them ({@link CanonicalEventProducer}, with the {@code ce_*} headers). A
 * history is fed to every listener first (it warms up the JIT, and the churn model is then fitted on it, so new
 * orders are re-scored and published as in a running service). Then two phases, each against the same-run baseline
 * of a bare consumer that reads the same kind of records and does nothing with them:
 * <ul>
 *   <li>catch-up: each listener in turn is handed the full polls of the same new events ({@code max.poll.records}
 *       as the platform sets it); figures: events/s and the process CPU per event above the baseline's, i.e. the
 *       listener's own work, with its store and what it publishes;</li>
 *   <li>live: for each listener, new events are published at {@code --rate} per second (the all-in-one was
 *       profiled at 3,300) while it consumes them with its container's consumer settings, so polls are as large
 *       as the arrivals and fetch settings make them; figures: events per poll, the time spent in the listener per
 *       event against the same in the catch-up's full polls, and the share of its thread's time that takes at that
 *       rate (not the CPU: publishing in this process costs more than most listeners do).</li>
 * </ul>
 * CPU is the whole process's, so the machine's other load shows in the figures; compare runs on a quiet machine.
 * There is no target: the figures are for comparing changes. Run from the repository root (about two minutes):
 * <pre>./mvnw -q -B -pl bench compile exec:java
 *     -Dexec.mainClass=io.aftercart.bench.intelligence.IntelligenceConsumerBenchmark
 *     [-Dexec.args="--mix=orders --history=20000 --events=20000 --customers=4000 --max-poll-records=2000
 *     --rate=3300"]</pre>
 * {@code --mix=orders} is {@code Order Completed} only (the stream the all-in-one was profiled with);
 * {@code --mix=catalogue} adds page views, shipping, delivery, reviews, NPS answers, tickets and returns; its history
 * has fewer orders, on which the churn model may not be fitted (the benchmark prints its status), and then no order
 * is re-scored. {@code --rate=0} skips the live phase.
 */
public final class IntelligenceConsumerBenchmark {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class IntelligenceOnly {
    }

    private IntelligenceConsumerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("mix", "orders");
        defaults.put("history", "20000");
        defaults.put("events", "20000");
        defaults.put("customers", "4000");
        defaults.put("max-poll-records", "2000");
        defaults.put("rate", "3300");
        Options options = Options.parse(args, defaults);
        System.out.printf(Locale.ROOT, "Intelligence consumer benchmark: mix %s, %,d history + %,d measured events, "
                + "%,d customers, max.poll.records %d, %d cores, load average %s%n", options.text("mix"),
                options.integer("history"), options.integer("events"), options.integer("customers"),
                options.integer("max-poll-records"), Runtime.getRuntime().availableProcessors(),
                ProcessStats.loadAverage());
        Path dir = Files.createTempDirectory("aftercart-intelligence-bench-");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(IntelligenceOnly.class).run(
                        "--spring.main.web-application-type=none", "--aftercart.services=intelligence",
                        "--aftercart.data-dir=" + dir.resolve("data"),
                        "--aftercart.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--aftercart.intelligence.churn.refit-interval=0s", "--logging.level.root=WARN",
                        "--logging.level.org.apache.kafka=ERROR",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")) {
            run(options, app, new PollDriver(broker.bootstrapServers(), options.integer("max-poll-records")));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** A listener as its container runs it: the container's consumer settings override the platform's. */
    private record Listener(BatchMessageListener<String, byte[]> listener, Properties consumerOverrides) {
    }

    @SuppressWarnings("unchecked")
    private static void run(Options options, ConfigurableApplicationContext app, PollDriver driver) {
        Map<String, Listener> listeners = new LinkedHashMap<>();
        app.getBeansOfType(ConcurrentMessageListenerContainer.class).values().forEach(container -> {
            container.stop(); // the benchmark hands the polls over itself
            Object listener = container.getContainerProperties().getMessageListener();
            listeners.put(listener.getClass().getSimpleName(), new Listener(
                    (BatchMessageListener<String, byte[]>) listener,
                    container.getContainerProperties().getKafkaConsumerProperties()));
        });
        CanonicalEventProducer producer = new CanonicalEventProducer(app.getBean(KafkaTemplate.class));
        OrderStream stream = new OrderStream(options.integer("customers"), options.text("mix"));
        int events = options.integer("events");
        Instant now = Instant.now();
        Instant recent = now.minus(Duration.ofDays(30));

        PollDriver.Range history = driver.publish(() -> send(producer,
                stream.events(options.integer("history"), now.minus(Duration.ofDays(730)), recent)));
        listeners.values().forEach(listener -> driver.drive(history, listener.listener()::onMessage));
        ChurnModelVersion model = app.getBean(ChurnModels.class).refit();
        System.out.printf(Locale.ROOT, "History of %,d events fed to every listener; churn model version %d: %s%s%n",
                history.events(), model.version(), model.status(), model.reason() == null ? "" : " (" + model.reason()
                        + ")");

        PollDriver.Range measured = driver.publish(() -> send(producer, stream.events(events, recent, now)));
        PollDriver.Run baseline = driver.drive(measured, records -> { });
        ResultTable catchUp = new ResultTable();
        catchUp.add("baseline (bare consumer): events/s", number(baseline.eventsPerSecond()));
        catchUp.add("baseline: polls, CPU µs per event", String.format(Locale.ROOT, "%d, %.1f", baseline.polls(),
                baseline.cpuMicrosPerEvent()));
        Map<String, PollDriver.Run> fullPolls = new LinkedHashMap<>();
        listeners.forEach((name, listener) -> {
            PollDriver.Run run = driver.drive(measured, listener.listener()::onMessage);
            fullPolls.put(name, run);
            catchUp.add(name + ": events/s", number(run.eventsPerSecond()));
            catchUp.add(name + ": ratio to baseline", decimal(run.eventsPerSecond() / baseline.eventsPerSecond()));
            catchUp.add(name + ": own CPU µs per event", decimal(run.cpuMicrosPerEvent()
                    - baseline.cpuMicrosPerEvent()));
            catchUp.add(name + ": time in the listener, µs per event", decimal(run.listenerMicrosPerEvent()));
        });
        System.out.printf(Locale.ROOT, "Catch-up: %,d events read from the topic in full polls; load average %s%n%s",
                measured.events(), ProcessStats.loadAverage(), catchUp.render());

        int rate = options.integer("rate");
        if (rate > 0) {
            System.out.printf(Locale.ROOT, "Live: %,d events published at %,d/s while each listener consumes them, "
                    + "with its container's consumer settings %s%n", events, rate, listeners.values().stream()
                    .map(Listener::consumerOverrides).distinct().toList());
            ResultTable live = new ResultTable();
            listeners.forEach((name, listener) -> {
                PollDriver.Run run = driver.live(stream.events(events, recent, now), producer::send, rate,
                        listener.consumerOverrides(), listener.listener()::onMessage);
                live.add(name + ": events per poll", number(run.eventsPerPoll()));
                live.add(name + ": time in the listener, µs per event", decimal(run.listenerMicrosPerEvent()));
                live.add(name + ": ratio to its time in full polls", decimal(run.listenerMicrosPerEvent()
                        / fullPolls.get(name).listenerMicrosPerEvent()));
                live.add(name + ": busy share of one thread", String.format(Locale.ROOT, "%.1f %%",
                        run.listenerMicrosPerEvent() * rate / 1e4));
            });
            System.out.printf(Locale.ROOT, "Live at %,d events/s; load average %s%n%s", rate,
                    ProcessStats.loadAverage(), live.render());
        }
    }

    private static void send(CanonicalEventProducer producer, List<CanonicalEvent> events) {
        CompletableFuture.allOf(events.stream().map(producer::send).toArray(CompletableFuture[]::new)).join();
    }
}
