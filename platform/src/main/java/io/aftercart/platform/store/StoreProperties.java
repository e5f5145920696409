package io.aftercart.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where services keep their data.
 *
 * @param url      a PostgreSQL JDBC URL ({@code AFTERCART_STORE_URL}); when blank each service keeps an embedded
 *                 DuckDB file {@code <data-dir>/<service>.duckdb}
 * @param username PostgreSQL user ({@code AFTERCART_STORE_USERNAME})
 * @param password PostgreSQL password ({@code AFTERCART_STORE_PASSWORD})
 * @param poolSize connections per service ({@code AFTERCART_STORE_POOL_SIZE})
 * @param duckdbMemoryLimit memory the process's one embedded DuckDB instance, which holds every service's
 *                 database, may use for its buffers, e.g. {@code 2GB} ({@code AFTERCART_STORE_DUCKDB_MEMORY_LIMIT}).
 *                 DuckDB spills query work and rows not yet checkpointed to disk beyond it, but the indexes it
 *                 writes must fit: in the all-in-one about 400 MB per million order events over all services
 *                 (FreshnessBenchmark), in a collector + analytics process 203 MB after the CollectorBenchmark's
 *                 2.66 million events
 * @param duckdbCheckpointThreshold how much write-ahead log each service's DuckDB database gathers before it
 *                 checkpoints ({@code AFTERCART_STORE_DUCKDB_CHECKPOINT_THRESHOLD}). A checkpoint rewrites the
 *                 changed indexes whole, so it takes longer as tables grow and less slows writers down: at 32MB the
 *                 all-in-one's profile freshness p99 at 800 events/s (FreshnessBenchmark) went from 0.14 s to 1.1 s.
 *                 Rows written since the last checkpoint stay in memory up to the memory limit, so more costs
 *                 memory: at 32MB its peak RSS under the CollectorBenchmark was 1.5 GB instead of 1.9 GB
 * @param duckdbThreads worker threads of the embedded DuckDB instance ({@code AFTERCART_STORE_DUCKDB_THREADS}); by
 *                 default half the cores, at least one. Each service's writes already run on its own consumer
 *                 thread; the workers only spread one query or checkpoint over more cores, and they take those cores
 *                 from the web server, the broker and the other consumers of the process. On 2 cores, one worker
 *                 instead of two raised the CollectorBenchmark's batched throughput from 24,500 to 32,000 events/s
 *                 (means of 3 and 2 runs), while the warehouse took 86 s instead of 72 s to store the backlog
 */
@ConfigurationProperties("aftercart.store")
public record StoreProperties(String url, String username, String password, @DefaultValue("4") int poolSize,
        @DefaultValue(DEFAULT_MEMORY_LIMIT) String duckdbMemoryLimit,
        @DefaultValue(DEFAULT_CHECKPOINT_THRESHOLD) String duckdbCheckpointThreshold, Integer duckdbThreads) {

    private static final String DEFAULT_MEMORY_LIMIT = "2GB";
    private static final String DEFAULT_CHECKPOINT_THRESHOLD = "256MB";

    @ConstructorBinding
    public StoreProperties {
        if (duckdbThreads == null) {
            duckdbThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        } else if (duckdbThreads < 1) {
            throw new IllegalArgumentException("aftercart.store.duckdb-threads must be at least 1, not "
                    + duckdbThreads);
        }
    }

    /** Embedded DuckDB with the default memory settings, or PostgreSQL at {@code url}. */
    public StoreProperties(String url, String username, String password, int poolSize) {
        this(url, username, password, poolSize, DEFAULT_MEMORY_LIMIT, DEFAULT_CHECKPOINT_THRESHOLD, null);
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
