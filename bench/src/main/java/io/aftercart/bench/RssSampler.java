package io.aftercart.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident memory four times a second and keeps the peak. */
final class RssSampler implements AutoCloseable {

    private final long pid;
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    RssSampler(long pid) {
        this.pid = pid;
        timer.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    long peakBytes() {
        sample();
        return peak.get();
    }

    private void sample() {
        try {
            peak.accumulateAndGet(ProcessStats.residentBytes(pid), Math::max);
        } catch (RuntimeException processGone) {
            // the app exited; the peak so far stands
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
