package io.aftercart.intelligence.churn.internal;

import java.util.stream.IntStream;

/** Runs work over 0..n-1 in fixed chunks, in parallel when there is more than one; sums never change order. */
final class Chunks {

    private static final int CHUNK = 8192;

    private Chunks() {
    }

    interface RangeSum {
        double sum(int from, int to);
    }

    interface RangeTask {
        void run(int from, int to);
    }

    static double sum(int n, RangeSum range) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            return range.sum(0, n);
        }
        double[] partial = new double[chunks];
        IntStream.range(0, chunks).parallel()
                .forEach(c -> partial[c] = range.sum(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    static void run(int n, RangeTask task) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> task.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
    }
}
