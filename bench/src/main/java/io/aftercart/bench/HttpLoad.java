package io.aftercart.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/**
 * A closed-loop HTTP load: a fixed number of client threads, each posting its next request as soon as the previous
 * one is answered, over keep-alive connections, for a warm-up and then a measured interval. Only requests that
 * start and end inside the measured interval count.
 */
final class HttpLoad implements AutoCloseable {

    private static final long MAX_LATENCY_MICROS = Duration.ofSeconds(60).toNanos() / 1_000;

    private final CloseableHttpClient http = LoadClient.create(Duration.ofSeconds(30));
    private final String authorization;

    HttpLoad(String writeKey) {
        // Segment's convention: the write key is the HTTP Basic user name, the password is empty.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    PhaseResult run(String name, URI uri, Supplier<byte[]> bodies, int threads, Duration warmup, Duration measured)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "load-" + name);
            thread.setDaemon(true);
            return thread;
        });
        List<Future<PhaseResult>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> loop(name, uri, bodies, measureFrom, measureUntil)));
        }
        PhaseResult total = PhaseResult.empty(name, measured, MAX_LATENCY_MICROS);
        try {
            for (Future<PhaseResult> worker : workers) {
                total = total.plus(worker.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A load thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    private PhaseResult loop(String name, URI uri, Supplier<byte[]> bodies, long measureFrom, long measureUntil)
            throws InterruptedException {
        Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        long requests = 0;
        long events = 0;
        long failures = 0;
        long unmeasuredEvents = 0;
        while (System.nanoTime() < measureUntil) {
            HttpPost request = new HttpPost(uri);
            request.setHeader("Authorization", authorization);
            request.setEntity(new ByteArrayEntity(bodies.get(), ContentType.APPLICATION_JSON));
            long start = System.nanoTime();
            int accepted = -1;
            try {
                accepted = http.execute(request, response -> response.getCode() == 200
                        ? acceptedCount(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)) : -1);
            } catch (IOException e) {
                // counted as a failure below
            }
            long end = System.nanoTime();
            boolean measured = start >= measureFrom && end <= measureUntil;
            if (!measured) {
                unmeasuredEvents += Math.max(accepted, 0);
            } else if (accepted < 0) {
                failures++;
            } else {
                requests++;
                events += accepted;
                latency.recordValue(Math.min((end - start) / 1_000, MAX_LATENCY_MICROS));
            }
        }
        return new PhaseResult(name, Duration.ofNanos(measureUntil - measureFrom), requests, events, failures,
                events + unmeasuredEvents, latency);
    }

    /** Reads {@code "accepted":n} from the collector's answer without parsing the per-event results. */
    private static int acceptedCount(String body) {
        int at = body.indexOf("\"accepted\":");
        if (at < 0) {
            return -1;
        }
        int from = at + "\"accepted\":".length();
        int to = from;
        while (to < body.length() && Character.isDigit(body.charAt(to))) {
            to++;
        }
        return Integer.parseInt(body.substring(from, to));
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
