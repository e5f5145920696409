package io.aftercart.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one exec jar as a child JVM, so a test can kill it the hard way ({@code SIGKILL}) and start it again
 * on the same data directory and ports. Its output goes to a log file, shown when it fails to come up.
 */
final class AppProcess implements AutoCloseable {

    private static final int SIGKILL_EXIT_CODE = 128 + 9;

    private final Path jar;
    private final Path dataDir;
    private final int httpPort;
    private final int kafkaPort;
    private final String writeKey;
    private Process process;
    private Path log;
    private int starts;

    AppProcess(Path jar, Path dataDir, String writeKey) {
        assertThat(jar).as("the exec jar (build it with: mvn -o install -pl app -DskipTests)").isRegularFile();
        this.jar = jar;
        this.dataDir = dataDir;
        this.writeKey = writeKey;
        this.httpPort = freePort();
        this.kafkaPort = freePort();
    }

    static Path jarFromSystemProperty() {
        String jar = System.getProperty("aftercart.app.jar");
        assertThat(jar).as("system property aftercart.app.jar (set by the e2e pom)").isNotBlank();
        return Path.of(jar);
    }

    AppHttp http() {
        return new AppHttp(URI.create("http://127.0.0.1:" + httpPort), writeKey);
    }

    /** Starts the app and waits until its health is UP. */
    void start(Duration timeout) throws IOException, InterruptedException {
        starts++;
        log = dataDir.resolveSibling(dataDir.getFileName() + "-run" + starts + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--aftercart.kafka.embedded-port=" + kafkaPort,
                "--aftercart.data-dir=" + dataDir,
                "--aftercart.gateway.admin-password=" + AppHttp.ADMIN_PASSWORD,
                "--aftercart.collector.sources[0].name=e2e",
                "--aftercart.collector.sources[0].write-key=" + writeKey))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        AppHttp http = http();
        Instant deadline = Instant.now().plus(timeout);
        while (!http.healthy()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("The app did not come up (alive: " + process.isAlive() + "); log:\n"
                        + tail(log));
            }
            Thread.sleep(200);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed process exited").isTrue();
        assertThat(process.exitValue()).as("exit code of a SIGKILLed JVM").isEqualTo(SIGKILL_EXIT_CODE);
    }

    /** SIGTERM: the graceful shutdown a container runtime would ask for. */
    void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("The app did not stop within " + timeout + "; log:\n" + tail(log));
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
