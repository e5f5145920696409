package io.aftercart.analytics.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Multi-row {@code INSERT ... VALUES ... ON CONFLICT DO UPDATE} statements of up to 1,000 rows (PostgreSQL). */
final class MultiRowRollupWriter implements RollupWriter {

    private static final int ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;

    MultiRowRollupWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void merge(RollupRows rows) {
        RollupTable table = rows.table();
        List<Object[]> sorted = rows.sorted();
        for (int from = 0; from < sorted.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = sorted.subList(from, Math.min(sorted.size(), from + ROWS_PER_STATEMENT));
            jdbc.update(upsert(table, chunk.size()), statement -> bind(statement, table, chunk));
        }
    }

    private static String upsert(RollupTable table, int rows) {
        String placeholders = "(" + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
        return "INSERT INTO " + table.name() + " (" + String.join(", ", table.columnNames()) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, placeholders)) + table.onConflictSql();
    }

    private static void bind(PreparedStatement statement, RollupTable table, List<Object[]> rows) throws SQLException {
        int index = 0;
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                RollupColumn.Type type = table.columns().get(i).type();
                Object value = row[i];
                index++;
                if (value == null) {
                    statement.setNull(index, sqlType(type));
                } else {
                    statement.setObject(index, type == RollupColumn.Type.DECIMAL ? RollupWriter.amount(value) : value,
                            sqlType(type));
                }
            }
        }
    }

    private static int sqlType(RollupColumn.Type type) {
        return switch (type) {
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case TEXT -> Types.VARCHAR;
        };
    }
}
