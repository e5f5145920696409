package io.aftercart.app.demo;

/**
 * How much traffic the demo shop produces.
 *
 * @param customers            size of the simulated customer base
 * @param historyDays          length of the backfilled history, ending when the shop starts
 * @param liveEventsPerSecond  average rate of the live trickle after the backfill
 * @param seed                 same seed, same history (and the same messageIds, so a restart is deduplicated)
 * @param batchSize            events per request, at most the collector's limit of 500
 */
public record DemoSettings(int customers, int historyDays, double liveEventsPerSecond, long seed, int batchSize) {

    /** The collector's per-request limit. */
    public static final int MAX_BATCH_SIZE = 500;

    public DemoSettings {
        if (customers < 1) throw new IllegalArgumentException("customers must be >= 1");
        if (historyDays < 1) throw new IllegalArgumentException("historyDays must be >= 1");
        if (!(liveEventsPerSecond > 0)) throw new IllegalArgumentException("liveEventsPerSecond must be > 0");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH_SIZE);
        }
    }

    public static DemoSettings defaults() {
        return new DemoSettings(3_000, 548, 5.0, 42L, MAX_BATCH_SIZE);
    }
}
