package io.aftercart.gateway.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a write key, a user, an API token), in this process's memory: with several gateway
 * replicas each enforces the limit on its own share of the traffic.
 */
public class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one token: {@link Duration#ZERO} when granted, else how long until one is available. */
    public Duration take(String key) {
        if (buckets.size() > MAX_KEYS) {
            forgetFullBuckets();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong())).take();
    }

    private void forgetFullBuckets() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.fullAt(now));
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        synchronized Duration take() {
            refill(nanoTime.getAsLong());
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) * perNano);
            updated = now;
        }
    }
}
