package io.aftercart.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * CPU cores the app, its JIT compiler threads and this load generator used during the measured part of each phase
 * (from /proc, from the end of the phase's warm-up to the end of the phase).
 */
final class CpuUse {
    private final long appPid;
    private final Duration warmup;
    private final long selfPid = ProcessHandle.current().pid();
    private final StringBuilder summary =
            new StringBuilder("CPU cores used, measured part (app, of which JIT compiler / load generator):");

    /** @param warmup how long each phase warms up before its measured part */
    CpuUse(long appPid, Duration warmup) {
        this.appPid = appPid;
        this.warmup = warmup;
    }

    /** Runs the phase and adds its CPU figures to the summary; returns what the phase returned. */
    <T> T measure(String phase, Callable<T> run) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cpu-use");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ScheduledFuture<Sample> measuredFrom = timer.schedule(this::sample, warmup.toNanos(),
                    TimeUnit.NANOSECONDS);
            T result = run.call();
            Sample end = sample();
            Sample start = measuredFrom.get();
            double wall = (end.nanos() - start.nanos()) / 1e9;
            summary.append(String.format(Locale.ROOT, " %s %.2f, %.2f / %.2f;", phase,
                    (end.app() - start.app()) / wall, (end.compiler() - start.compiler()) / wall,
                    (end.self() - start.self()) / wall));
            return result;
        } finally {
            timer.shutdownNow();
        }
    }

    String summary() {
        return summary.toString();
    }

    private Sample sample() {
        return new Sample(ProcessStats.cpuSeconds(appPid), ProcessStats.compilerCpuSeconds(appPid),
                ProcessStats.cpuSeconds(selfPid), System.nanoTime());
    }

    /** CPU seconds used so far by the app, its compiler threads and this process, and when they were read. */
    private record Sample(double app, double compiler, double self, long nanos) {
    }
}
