package io.aftercart.collector.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes committed messageIds to the store every few hundred milliseconds, expires old ones hourly, flushes at stop.
 */
public final class MessageIdFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageIdFlusher.class);
    private final MessageIdIndex index;
    private ScheduledExecutorService scheduler;

    public MessageIdFlusher(MessageIdIndex index) {
        this.index = index;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "message-id-flusher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> guarded(index::flush), 200, 200, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded(index::purgeExpired), 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
            index.flush();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops after the HTTP server and listeners (higher phases stop first), so their last ids are flushed. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Dedupe index maintenance failed; will retry", e);
        }
    }
}
