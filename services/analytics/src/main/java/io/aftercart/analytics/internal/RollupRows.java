package io.aftercart.analytics.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one batch adds to a rollup table, one per key, merged in memory exactly as the store merges them (an
 * upsert may not touch the same key twice in one statement).
 */
public final class RollupRows {

    private final RollupTable table;
    private final Map<List<Object>, Object[]> byKey = new HashMap<>();

    RollupRows(RollupTable table) {
        this.table = table;
    }

    public RollupTable table() {
        return table;
    }

    /** @param row a value for every column of the table, in its order; key values are never null */
    void add(Object... row) {
        if (row.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns");
        }
        List<Object> key = List.of(Arrays.copyOf(row, table.keySize()));
        Object[] stored = byKey.get(key);
        byKey.put(key, stored == null ? row.clone() : merged(table, stored, row));
    }

    /** A stored row of {@code table} with an incoming row of the same key merged in, as the upsert merges them. */
    static Object[] merged(RollupTable table, Object[] stored, Object[] incoming) {
        Object[] merged = stored.clone();
        for (int i = table.keySize(); i < merged.length; i++) {
            merged[i] = merge(table.columns().get(i).merge(), stored[i], incoming[i]);
        }
        return merged;
    }

    /** The rows in key order, so that concurrent writers lock rows in the same order. */
    public List<Object[]> sorted() {
        List<Object[]> rows = new ArrayList<>(byKey.values());
        rows.sort(KEY_ORDER);
        return rows;
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    private static Object merge(RollupColumn.Merge merge, Object stored, Object incoming) {
        if (stored == null || incoming == null) {
            return stored == null ? incoming : stored;
        }
        return switch (merge) {
            case KEY, DERIVED -> stored;
            case SUM -> stored instanceof BigDecimal amount
                    ? amount.add((BigDecimal) incoming)
                    : (Long) stored + (Long) incoming;
            case MIN -> compare(stored, incoming) <= 0 ? stored : incoming;
            case MAX -> compare(stored, incoming) >= 0 ? stored : incoming;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static final Comparator<Object[]> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = compare(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };
}
