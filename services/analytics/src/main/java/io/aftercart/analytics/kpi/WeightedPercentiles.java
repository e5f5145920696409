package io.aftercart.analytics.kpi;

import java.util.Map;
import java.util.NavigableMap;

/**
 * Percentiles by linear interpolation (as SQL's {@code percentile_cont}) of values given with how often each occurs,
 * so that a rollup of counts per value answers without listing every value.
 */
final class WeightedPercentiles {

    private final NavigableMap<Integer, Long> countByValue;
    private final long count;

    /** @param countByValue how many times each value occurs, by value */
    WeightedPercentiles(NavigableMap<Integer, Long> countByValue) {
        this.countByValue = countByValue;
        this.count = countByValue.values().stream().mapToLong(Long::longValue).sum();
    }

    long count() {
        return count;
    }

    /** @return the {@code fraction} percentile, or null without values */
    Double percentile(double fraction) {
        if (count == 0) {
            return null;
        }
        double position = fraction * (count - 1);
        long below = (long) Math.floor(position);
        int lower = valueAt(below);
        int upper = valueAt(Math.min(below + 1, count - 1));
        return lower + (position - below) * (upper - lower);
    }

    /** The value at this zero-based position of the sorted values. */
    private int valueAt(long position) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : countByValue.entrySet()) {
            seen += entry.getValue();
            if (position < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("position " + position + " of " + count + " values");
    }
}
