package io.aftercart.analytics.internal;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends the rows to a temporary staging copy of the table and merges them with one
 * {@code INSERT ... SELECT ... ON CONFLICT DO UPDATE}, as the event inserter does: DuckDB binds statement parameters
 * too slowly for row-by-row upserts.
 */
final class DuckDbRollupWriter implements RollupWriter {

    private final JdbcTemplate jdbc;

    DuckDbRollupWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void merge(RollupRows rows) {
        if (rows.isEmpty()) {
            return;
        }
        RollupTable table = rows.table();
        String staging = table.name() + "_staging";
        String columns = String.join(", ", table.columnNames());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " AS SELECT " + columns + " FROM "
                        + table.name() + " LIMIT 0");
                try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                        .createAppender("temp", "main", staging)) {
                    for (Object[] row : rows.sorted()) {
                        append(appender, table, row);
                    }
                }
                statement.executeUpdate("INSERT INTO " + table.name() + " (" + columns + ") SELECT " + columns
                        + " FROM " + staging + table.onConflictSql());
                statement.execute("DELETE FROM " + staging);
            }
            return null;
        });
    }

    private static void append(DuckDBAppender appender, RollupTable table, Object[] row) throws SQLException {
        appender.beginRow();
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                appender.appendNull();
                continue;
            }
            switch (table.columns().get(i).type()) {
                case INTEGER -> appender.append((int) (Integer) value);
                case BIGINT -> appender.append((long) (Long) value);
                case DECIMAL -> appender.append(RollupWriter.amount(value));
                case TEXT -> appender.append((String) value);
            }
        }
        appender.endRow();
    }
}
