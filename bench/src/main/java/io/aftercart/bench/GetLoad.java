package io.aftercart.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/**
 * A closed-loop load of GET requests to one URI, as {@link HttpLoad} does for posts: each client thread sends its
 * next request as soon as the previous one is answered; only requests that start and end inside the measured
 * interval count, and only a 200 is a success.
 */
final class GetLoad implements AutoCloseable {

    private static final long MAX_LATENCY_MICROS = Duration.ofSeconds(60).toNanos() / 1_000;

    private final CloseableHttpClient http = LoadClient.create(Duration.ofSeconds(60));
    private final String authorization;

    GetLoad(String authorization) {
        this.authorization = authorization;
    }

    /** One GET; fails unless it is answered 200. */
    String body(URI uri) throws IOException {
        return http.execute(request(uri), response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.getCode() + ": " + body);
            }
            return body;
        });
    }

    PhaseResult run(String name, URI uri, int threads, Duration warmup, Duration measured)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "get-" + name);
            thread.setDaemon(true);
            return thread;
        });
        List<Future<PhaseResult>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> loop(name, uri, measureFrom, measureUntil)));
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

    private PhaseResult loop(String name, URI uri, long measureFrom, long measureUntil) throws InterruptedException {
        Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        long requests = 0;
        long failures = 0;
        HttpGet request = request(uri);
        while (System.nanoTime() < measureUntil) {
            long start = System.nanoTime();
            boolean ok;
            try {
                ok = http.execute(request, response -> {
                    EntityUtils.consume(response.getEntity());
                    return response.getCode() == 200;
                });
            } catch (IOException e) {
                ok = false;
            }
            long end = System.nanoTime();
            if (start < measureFrom || end > measureUntil) {
                continue;
            }
            if (ok) {
                requests++;
                latency.recordValue(Math.min((end - start) / 1_000, MAX_LATENCY_MICROS));
            } else {
                failures++;
            }
        }
        return new PhaseResult(name, Duration.ofNanos(measureUntil - measureFrom), requests, requests, failures, 0,
                latency);
    }

    private HttpGet request(URI uri) {
        HttpGet request = new HttpGet(uri);
        request.setHeader("Authorization", authorization);
        request.setHeader("Accept", "application/json");
        return request;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
