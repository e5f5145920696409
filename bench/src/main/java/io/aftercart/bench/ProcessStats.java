package io.aftercart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a process's resident memory and CPU time from Linux's {@code /proc}, so the benchmark can report the app's
 * footprint and tell whether the app or the load generator used the cores.
 */
public final class ProcessStats {

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 on every Linux we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    static long residentBytes(long pid) {
        for (String line : lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid);
    }

    /** User plus system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        return cpuSecondsOf(String.join(" ", lines(Path.of("/proc", String.valueOf(pid), "stat"))));
    }

    /**
     * CPU seconds a JVM's JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}) have used so far:
     * a cold app's compiling competes with its requests, so a phase that compiled much measured warm-up. On two cores
     * the JVM keeps one compiler thread of each kind; with more, a thread it stops takes its time along, so the
     * figure is a lower bound.
     */
    static double compilerCpuSeconds(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return threads.map(ProcessStats::threadStat)
                    .filter(stat -> stat.contains("(C1 CompilerThre)") || stat.contains("(C2 CompilerThre)"))
                    .mapToDouble(ProcessStats::cpuSecondsOf)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The thread's {@code stat} line, or an empty one when the thread ended since its directory was listed. */
    private static String threadStat(Path task) {
        try {
            return Files.readString(task.resolve("stat"));
        } catch (IOException e) {
            return "";
        }
    }

    /** User plus system CPU seconds from the line of a process's or thread's {@code stat} file. */
    private static double cpuSecondsOf(String stat) {
        // fields after the command name, which is in parentheses and may contain spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** The machine's 1, 5 and 15 minute load averages: how busy the shared cores were. */
    public static String loadAverage() {
        String[] fields = lines(Path.of("/proc/loadavg")).get(0).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
