package io.aftercart.bench;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * CPU cores the app, its JIT compiler threads and this load generator used during each phase (from /proc, over the
 * whole phase).
 */
final class CpuUse {
    private final long appPid;
    private final long selfPid = ProcessHandle.current().pid();
    private final StringBuilder summary = new StringBuilder("CPU cores used (app, of which JIT compiler / load generator):");

    CpuUse(long appPid) {
        this.appPid = appPid;
    }

    PhaseResult measure(String phase, Callable<PhaseResult> run) throws Exception {
        double app = ProcessStats.cpuSeconds(appPid);
        double compiler = ProcessStats.compilerCpuSeconds(appPid);
        double self = ProcessStats.cpuSeconds(selfPid);
        long start = System.nanoTime();
        PhaseResult result = run.call();
        double wall = (System.nanoTime() - start) / 1e9;
        summary.append(String.format(Locale.ROOT, " %s %.2f, %.2f / %.2f;", phase,
                (ProcessStats.cpuSeconds(appPid) - app) / wall,
                (ProcessStats.compilerCpuSeconds(appPid) - compiler) / wall,
                (ProcessStats.cpuSeconds(selfPid) - self) / wall));
        return result;
    }

    String summary() {
        return summary.toString();
    }
}
