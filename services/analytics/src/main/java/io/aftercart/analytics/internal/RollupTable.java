package io.aftercart.analytics.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A rollup table: its columns, key columns first, and the upsert that merges a batch of rows into it. */
public record RollupTable(String name, List<RollupColumn> columns) {

    public List<String> columnNames() {
        return columns.stream().map(RollupColumn::name).toList();
    }

    public int keySize() {
        return (int) columns.stream().filter(c -> c.merge() == RollupColumn.Merge.KEY).count();
    }

    /**
     * Whether merging the row into a stored one leaves it as it was: every value is summed and zero, as when a
     * customer's contribution is taken off and added back unchanged. Such a row need not be written.
     */
    boolean changesNothing(Object[] row) {
        for (int i = keySize(); i < row.length; i++) {
            RollupColumn.Merge merge = columns.get(i).merge();
            boolean zero = row[i] instanceof BigDecimal amount ? amount.signum() == 0 : Long.valueOf(0).equals(row[i]);
            if (merge != RollupColumn.Merge.DERIVED && (merge != RollupColumn.Merge.SUM || !zero)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ON CONFLICT (keys) DO UPDATE SET ...}: appended to an INSERT of rows into this table. */
    String onConflictSql() {
        String keys = columns.stream().filter(c -> c.merge() == RollupColumn.Merge.KEY)
                .map(RollupColumn::name).collect(Collectors.joining(", "));
        String updates = columns.stream().map(c -> c.updateSql(name)).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return " ON CONFLICT (" + keys + ") DO UPDATE SET " + updates;
    }
}
