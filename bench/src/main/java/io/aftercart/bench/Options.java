package io.aftercart.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --name=value} options of a benchmark, each with its default; an unknown option fails with the list of
 * known ones. {@code --data=} (every benchmark that reads reference data accepts it) defaults to
 * {@code <repository root>/../shared/data}.
 */
public final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** @param defaults every option the benchmark knows, with its default value (shown in the usage message) */
    public static Options parse(String[] args, Map<String, String> defaults) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!name.startsWith("--") || !defaults.containsKey(name.substring(2))) {
                StringBuilder usage = new StringBuilder("Unknown option " + arg + "; options:");
                defaults.forEach((known, value) -> usage.append(" --").append(known).append('=').append(value));
                throw new IllegalArgumentException(usage.toString());
            }
            values.put(name.substring(2), equals < 0 ? "" : arg.substring(equals + 1));
        }
        return new Options(values);
    }

    public String text(String name) {
        return values.get(name);
    }

    public int integer(String name) {
        return Integer.parseInt(values.get(name).replace("_", "").replace(",", ""));
    }

    public long number(String name) {
        return Long.parseLong(values.get(name).replace("_", "").replace(",", ""));
    }

    public double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    /** A duration in seconds, {@code 30} or {@code 30s}. */
    public Duration seconds(String name) {
        String value = values.get(name);
        return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    }

    /** The reference data directory: {@code --data=} when given (and not empty), else the shared one. */
    public Path dataDir() {
        String configured = values.get("data");
        Path dir = configured == null || configured.isBlank() ? repositoryRoot().resolve("../shared/data").normalize()
                : Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("No reference data directory " + dir + "; pass --data=<dir>");
        }
        return dir;
    }

    /** The working directory or the first parent holding the Maven wrapper (exec:java may run from bench/). */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("bench"))) {
                return candidate;
            }
        }
        return dir;
    }
}
