package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded DuckDB instance's memory is published per tag, and follows what the stores write. */
class DuckDbMemoryMetricsIT {

    private static final String POSTGRES_URL =
            System.getProperty("aftercart.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

    @Test
    void indexMemoryGrowsWithTheRowsOfAKeyedTable(@TempDir Path dataDir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ServiceStores stores = new ServiceStores(new StoreProperties(null, null, null, 2), dataDir)) {
            new DuckDbMemoryMetrics(stores).bindTo(registry);
            ServiceStore store = stores.open("bulktest", "metrics");
            double before = indexBytes(registry);

            store.jdbc().sql("INSERT INTO bulk_rows (id, n) SELECT 'row-' || i, i FROM range(50000) t(i)").update();

            assertThat(indexBytes(registry)).isGreaterThan(before + 50_000);
        }
    }

    @Test
    void bindsNothingOnPostgresql(@TempDir Path dataDir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ServiceStores stores = new ServiceStores(new StoreProperties(POSTGRES_URL, "postgres", null, 2),
                dataDir)) {
            new DuckDbMemoryMetrics(stores).bindTo(registry);
        }
        assertThat(registry.find("aftercart.store.duckdb.memory").meters()).isEmpty();
    }

    private static double indexBytes(SimpleMeterRegistry registry) {
        return registry.get("aftercart.store.duckdb.memory").tag("tag", "ART_INDEX").gauge().value();
    }
}
