package io.aftercart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The all-in-one app as a user runs it ({@code java -jar}), in a child JVM on free 127.0.0.1 ports with a
 * temporary data directory and one write key. {@link #close()} stops it gracefully (SIGTERM, so the embedded broker
 * shuts down cleanly) and deletes the data directory; its log stays next to it for a look after the run.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path workDir;
    private final int httpPort;
    private final int kafkaPort;
    private final Thread stopOnExit;

    private AppProcess(Process process, Path workDir, int httpPort, int kafkaPort) {
        this.process = process;
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.kafkaPort = kafkaPort;
        this.stopOnExit = new Thread(process::destroy, "stop-aftercart-app");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    static AppProcess start(Path jar, List<String> jvmArgs, String writeKey) throws IOException {
        return start(jar, jvmArgs, writeKey, List.of());
    }

    /** @param appArgs further command-line arguments of the app, after the ones set here */
    static AppProcess start(Path jar, List<String> jvmArgs, String writeKey, List<String> appArgs)
            throws IOException {
        Path workDir = Files.createTempDirectory("aftercart-bench-");
        int httpPort = freePort();
        int kafkaPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--aftercart.data-dir=" + workDir.resolve("data"),
                "--aftercart.kafka.embedded-port=" + kafkaPort,
                "--aftercart.collector.sources[0].name=bench",
                "--aftercart.collector.sources[0].write-key=" + writeKey));
        command.addAll(appArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("app.log").toFile())
                .start();
        return new AppProcess(process, workDir, httpPort, kafkaPort);
    }

    /** Blocks until {@code /actuator/health} answers UP; fails if the app exits or takes too long. */
    void awaitHealthy(HttpClient http) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The app was not healthy within " + STARTUP_TIMEOUT + "; see " + log());
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return workDir.resolve("app.log");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        deleteRecursively(workDir.resolve("data"));
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
