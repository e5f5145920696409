package io.aftercart.analytics.internal;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.ServiceStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Merges a batch's rows into their rollup table in the caller's transaction, in bulk on either store. */
public final class RollupWriter {

    /** The scale of every amount column (DECIMAL(18,6)). */
    static final int AMOUNT_SCALE = 6;

    private final ServiceStore store;
    private final Map<RollupTable, BulkInsert> upserts = new ConcurrentHashMap<>();

    public RollupWriter(ServiceStore store) {
        this.store = store;
    }

    public void merge(RollupRows rows) {
        RollupTable table = rows.table();
        upserts.computeIfAbsent(table, RollupWriter::upsert).write(store, rows.sorted().stream()
                .filter(row -> !table.changesNothing(row)).map(row -> scaled(table, row)).toList());
    }

    private static BulkInsert upsert(RollupTable table) {
        return new BulkInsert(table.name(), table.columns().stream().map(column -> new BulkInsert.Column(
                column.name(), switch (column.type()) {
                    case INTEGER -> "INTEGER";
                    case BIGINT -> "BIGINT";
                    case DECIMAL -> "DECIMAL(18, " + AMOUNT_SCALE + ")";
                    case TEXT -> "TEXT";
                })).toList(), table.onConflictSql().strip());
    }

    private static Object[] scaled(RollupTable table, Object[] row) {
        Object[] scaled = row.clone();
        for (int i = 0; i < row.length; i++) {
            if (table.columns().get(i).type() == RollupColumn.Type.DECIMAL && row[i] != null) {
                scaled[i] = ((BigDecimal) row[i]).setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
            }
        }
        return scaled;
    }
}
