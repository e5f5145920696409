package io.aftercart.analytics.internal;

import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.ServiceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads stored rows of a rollup table with the Java types a batch's rows use, so that the two merge alike. */
final class StoredRows {

    private final ServiceStore store;

    StoredRows(ServiceStore store) {
        this.store = store;
    }

    /** The rows of {@code table} whose text column {@code column} holds one of {@code values}. */
    List<Object[]> where(RollupTable table, String column, List<String> values) {
        List<Object[]> rows = new ArrayList<>();
        String columns = String.join(", ", table.columnNames());
        for (List<Object> chunk : InList.chunks(values)) {
            store.jdbc().sql("SELECT " + columns + " FROM " + table.name() + " WHERE " + InList.of(column, chunk))
                    .params(chunk)
                    .query(row -> { rows.add(values(table, row)); });
        }
        return rows;
    }

    private static Object[] values(RollupTable table, ResultSet row) throws SQLException {
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            RollupColumn column = table.columns().get(i);
            values[i] = switch (column.type()) {
                case INTEGER -> row.getObject(column.name(), Integer.class);
                case BIGINT -> row.getObject(column.name(), Long.class);
                case DECIMAL -> row.getBigDecimal(column.name());
                case TEXT -> row.getString(column.name());
            };
        }
        return values;
    }
}
