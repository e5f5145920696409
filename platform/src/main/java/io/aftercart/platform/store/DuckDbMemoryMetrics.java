package io.aftercart.platform.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The embedded DuckDB instance's memory as gauges {@code aftercart.store.duckdb.memory} (bytes) per DuckDB memory tag
 * ({@code ART_INDEX}: the indexes, which must fit under the memory limit; {@code IN_MEMORY_TABLE}: rows not yet
 * checkpointed; {@code BASE_TABLE}: cached blocks of stored tables; ...). This memory lies outside the JVM's heap, and
 * in the all-in-one it is most of the process's resident size beside it. Nothing is bound on PostgreSQL.
 */
class DuckDbMemoryMetrics implements MeterBinder {

    private final ServiceStores stores;

    DuckDbMemoryMetrics(ServiceStores stores) {
        this.stores = stores;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        stores.startEmbedded();
        for (String tag : stores.duckDbMemoryByTag().keySet()) {
            Gauge.builder("aftercart.store.duckdb.memory", stores,
                            s -> s.duckDbMemoryByTag().getOrDefault(tag, 0L))
                    .tag("tag", tag).baseUnit("bytes")
                    .description("Memory the embedded DuckDB instance holds, by its memory tag")
                    .register(registry);
        }
    }
}
