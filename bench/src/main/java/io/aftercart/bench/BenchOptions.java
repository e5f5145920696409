package io.aftercart.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link CollectorBenchmark}; every one has a default that runs the whole benchmark in
 * about two and a half minutes.
 *
 * @param jar               the all-in-one exec jar ({@code --jar=}); by default the one {@code app} builds
 * @param jvmArgs           JVM options of the app ({@code --jvm-arg=-Xmx2g}, repeatable); by default those of the
 *                          README's run command
 * @param warmup            warm-up of each phase, not measured ({@code --warmup=60s})
 * @param duration          measured time of each phase ({@code --duration=20s})
 * @param batchSize         events per {@code /v1/batch} request ({@code --batch-size=100})
 * @param batchConcurrency  client threads of the batched phase ({@code --batch-concurrency=8})
 * @param singleConcurrency client threads of the single-event phase ({@code --single-concurrency=32})
 * @param catchUpTimeout    how long to wait for the warehouse to hold every accepted event ({@code --catch-up=120s})
 * @param services          the services the app runs ({@code --services=collector,analytics}); all by default
 */
record BenchOptions(Path jar, List<String> jvmArgs, Duration warmup, Duration duration, int batchSize,
        int batchConcurrency, int singleConcurrency, Duration catchUpTimeout, String services) {

    /** The JVM options of the README's run command, so the figures are those of the app as users run it. */
    static final List<String> README_JVM_ARGS = List.of("-Xmx512m", "-XX:+UseParallelGC",
            "-Djdk.nio.maxCachedBufferSize=262144");

    static final String DEFAULT_JAR = "app/target/aftercart-app-0.1.0-SNAPSHOT-exec.jar";

    static BenchOptions parse(String[] args) {
        Path jar = null;
        List<String> jvmArgs = new ArrayList<>();
        Duration warmup = Duration.ofSeconds(60);
        Duration duration = Duration.ofSeconds(20);
        int batchSize = 100;
        int batchConcurrency = 8;
        int singleConcurrency = 32;
        Duration catchUp = Duration.ofSeconds(120);
        String services = "all";
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--jar" -> jar = Path.of(value);
                case "--jvm-arg" -> jvmArgs.add(value);
                case "--warmup" -> warmup = seconds(value);
                case "--duration" -> duration = seconds(value);
                case "--batch-size" -> batchSize = Integer.parseInt(value);
                case "--batch-concurrency" -> batchConcurrency = Integer.parseInt(value);
                case "--single-concurrency" -> singleConcurrency = Integer.parseInt(value);
                case "--catch-up" -> catchUp = seconds(value);
                case "--services" -> services = value;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "; options: --jar=, "
                        + "--jvm-arg= (default: the README's), --warmup=60s, --duration=20s, --batch-size=100, "
                        + "--batch-concurrency=8, --single-concurrency=32, --catch-up=120s, --services=all");
            }
        }
        return new BenchOptions(jar == null ? defaultJar() : jar.toAbsolutePath(),
                jvmArgs.isEmpty() ? README_JVM_ARGS : List.copyOf(jvmArgs), warmup,
                duration, batchSize, batchConcurrency, singleConcurrency, catchUp, services);
    }

    /** Run from the repository root (as exec:java does) or from {@code bench/}. */
    static Path defaultJar() {
        for (Path candidate : List.of(Path.of(DEFAULT_JAR), Path.of("..").resolve(DEFAULT_JAR))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalArgumentException("No " + DEFAULT_JAR + ": build it with `./mvnw -q -B install -pl app "
                + "-am -DskipTests` or pass --jar=<path to the exec jar>");
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value));
    }
}
