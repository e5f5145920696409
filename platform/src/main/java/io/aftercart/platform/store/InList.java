package io.aftercart.platform.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Reads the rows whose key is one of many values as {@code key IN (?, ?, …)}, in chunks of at most
 * {@link #MAX_VALUES}. DuckDB answers such a list from a single-column index on the key, while
 * {@code key = ANY(?)} with an array parameter, or an IN list on a multi-column index, scans the whole table: for 200
 * keys of a million-row table 4.4 ms against 36 ms, and the scan grows with the table. PostgreSQL uses its index
 * either way.
 */
public final class InList {

    public static final int MAX_VALUES = 500;

    private InList() {
    }

    /** The values in order, in chunks of at most {@link #MAX_VALUES}, each as its statement's parameters. */
    public static List<List<Object>> chunks(Collection<?> values) {
        List<Object> all = new ArrayList<>(values);
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_VALUES) {
            chunks.add(all.subList(from, Math.min(all.size(), from + MAX_VALUES)));
        }
        return chunks;
    }

    /** {@code column IN (?, …)} with one placeholder per value of {@code chunk}. */
    public static String of(String column, List<?> chunk) {
        return column + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
    }
}
