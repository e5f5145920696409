package io.aftercart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        String stat = String.join(" ", lines(Path.of("/proc", String.valueOf(pid), "stat")));
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
