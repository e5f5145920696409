package io.aftercart.profiles.internal;

import io.aftercart.platform.store.ServiceStore;
import java.util.List;

/**
 * Writes many rows into one table with one conflict rule, the fastest way each store allows, in the caller's
 * transaction. Rows must have distinct keys (an {@code ON CONFLICT DO UPDATE} may touch a row only once).
 */
interface BatchWriter {

    /**
     * @param table      the target table
     * @param columns    the columns of each row, in order
     * @param onConflict the {@code ON CONFLICT ...} clause
     * @param rows       values per row (String, Integer, Long, Boolean, BigDecimal with the column's scale,
     *                   OffsetDateTime, or null)
     */
    void write(String table, List<String> columns, String onConflict, List<Object[]> rows);

    static BatchWriter forStore(ServiceStore store) {
        return switch (store.dialect()) {
            case DUCKDB -> new DuckDbBatchWriter(store.dataSource());
            case POSTGRESQL -> new JdbcBatchWriter(store.dataSource());
        };
    }
}
