package io.aftercart.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one load phase measured.
 *
 * @param requests      requests answered 200 inside the measured interval
 * @param events        events acknowledged (accepted) by those requests
 * @param failures      requests inside the interval answered otherwise, or not at all
 * @param acceptedTotal events accepted during the whole phase, warm-up included: what the warehouse must end up with
 * @param latency       request latency in microseconds
 */
record PhaseResult(String name, Duration measured, long requests, long events, long failures, long acceptedTotal,
        Histogram latency) {

    static PhaseResult empty(String name, Duration measured, long maxLatencyMicros) {
        return new PhaseResult(name, measured, 0, 0, 0, 0, new Histogram(maxLatencyMicros, 3));
    }

    PhaseResult plus(PhaseResult other) {
        Histogram merged = latency.copy();
        merged.add(other.latency);
        return new PhaseResult(name, other.measured, requests + other.requests, events + other.events,
                failures + other.failures, acceptedTotal + other.acceptedTotal, merged);
    }

    double eventsPerSecond() {
        return events / seconds();
    }

    double requestsPerSecond() {
        return requests / seconds();
    }

    double percentileMillis(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return latency.getMaxValue() / 1_000.0;
    }

    private double seconds() {
        return measured.toNanos() / 1e9;
    }
}
