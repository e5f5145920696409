package io.aftercart.app.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pretend online shop that feeds Aftercart through its public HTTP API: first it backfills its history (explicit
 * timestamps, as fast as the collector takes it), then it keeps trickling live events until stopped.
 */
public final class DemoShop {

    private static final Logger log = LoggerFactory.getLogger(DemoShop.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
    private static final Duration LIVE_TICK = Duration.ofSeconds(1);

    private final DemoSettings settings;
    private final DemoTraffic traffic;
    private final CollectorClient collector;
    private Thread worker;
    private volatile boolean running;
    private Instant lastProgress = Instant.EPOCH;

    public DemoShop(URI collectorBaseUrl, String writeKey, DemoSettings settings) {
        this.settings = settings;
        this.traffic = new DemoTraffic(settings);
        this.collector = new CollectorClient(collectorBaseUrl, writeKey, settings.batchSize());
    }

    /** Starts sending on a daemon thread; calling it again while running does nothing. */
    public synchronized void start() {
        if (worker != null && worker.isAlive()) return;
        running = true;
        worker = new Thread(this::run, "aftercart-demo-shop");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops sending and waits briefly for the in-flight request. */
    public void stop() {
        Thread current;
        synchronized (this) {
            running = false;
            current = worker;
        }
        if (current == null) return;
        current.interrupt();
        try {
            current.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public DemoStats stats() {
        return collector.stats();
    }

    private void run() {
        try {
            backfill();
            trickle();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (CollectorClient.WriteKeyRejectedException e) {
            log.error("demo shop stopped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("demo shop stopped by an unexpected error", e);
        } finally {
            running = false;
            log.info("demo shop stopped: {}", stats());
        }
    }

    private void backfill() throws InterruptedException {
        List<DemoEvent> history = traffic.history(Instant.now());
        log.info("demo shop: backfilling {} events of {} customers over {} days", history.size(),
                settings.customers(), settings.historyDays());
        for (int from = 0; from < history.size() && running; from += settings.batchSize()) {
            collector.send(history.subList(from, Math.min(history.size(), from + settings.batchSize())), false);
            progress("backfill " + Math.min(history.size(), from + settings.batchSize()) + "/" + history.size());
        }
        log.info("demo shop: backfill done, {}; now live at ~{} events/s", stats(), settings.liveEventsPerSecond());
    }

    private void trickle() throws InterruptedException {
        LiveTraffic live = traffic.live(Instant.now());
        while (running) {
            Thread.sleep(LIVE_TICK.toMillis());
            List<DemoEvent> due = live.due(Instant.now());
            if (!due.isEmpty()) collector.send(due, true);
            progress("live");
        }
    }

    private void progress(String phase) {
        Instant now = Instant.now();
        if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) < 0) return;
        lastProgress = now;
        DemoStats s = stats();
        log.info("demo shop {}: sent={} accepted={} duplicates={} rejected={}", phase, s.eventsSent(), s.accepted(),
                s.duplicates(), s.rejected());
    }
}
