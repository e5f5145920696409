package io.aftercart.analytics.internal;

import io.aftercart.platform.store.ServiceStore;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Merges a batch's rows into their rollup table in the caller's transaction, the fastest way each store allows. */
public interface RollupWriter {

    /** The scale of every amount column (DECIMAL(18,6)). */
    int AMOUNT_SCALE = 6;

    void merge(RollupRows rows);

    static RollupWriter forStore(ServiceStore store) {
        return switch (store.dialect()) {
            case DUCKDB -> new DuckDbRollupWriter(store.dataSource());
            case POSTGRESQL -> new MultiRowRollupWriter(store.dataSource());
        };
    }

    static BigDecimal amount(Object value) {
        return ((BigDecimal) value).setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
    }
}
