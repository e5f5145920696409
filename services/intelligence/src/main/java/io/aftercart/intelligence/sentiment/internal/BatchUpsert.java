package io.aftercart.intelligence.sentiment.internal;

import io.aftercart.platform.store.ServiceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows into one table with one conflict rule, in the caller's transaction. On DuckDB, where bound
 * parameters are slow, rows go through the appender into a per-connection temporary staging table and move with one
 * {@code INSERT ... SELECT ... ON CONFLICT}; on PostgreSQL they go as multi-row {@code INSERT ... VALUES} statements.
 * Values may be String, Double, Integer, Boolean, LocalDateTime (UTC) or null.
 */
public final class BatchUpsert {

    private static final int MAX_PARAMETERS = 30_000; // PostgreSQL allows 65,535 per statement

    private final ServiceStore store;
    private final JdbcTemplate jdbc;
    private final String table;
    private final String columns;
    private final String stagingColumns;
    private final String conflict;
    private final int width;

    /**
     * @param stagingColumns column definitions of the staging table, in the order of {@code columns}
     * @param conflict       what to do on a key conflict, e.g. {@code ON CONFLICT (id) DO NOTHING}
     */
    public BatchUpsert(ServiceStore store, String table, String columns, String stagingColumns, String conflict) {
        this.store = store;
        this.jdbc = new JdbcTemplate(store.dataSource());
        this.table = table;
        this.columns = columns;
        this.stagingColumns = stagingColumns;
        this.conflict = conflict;
        this.width = columns.split(",").length;
    }

    public void write(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        switch (store.dialect()) {
            case DUCKDB -> jdbc.execute((ConnectionCallback<Void>) connection -> {
                appendAndMove(connection, rows);
                return null;
            });
            case POSTGRESQL -> insertInChunks(rows);
        }
    }

    private void appendAndMove(Connection connection, List<Object[]> rows) throws SQLException {
        String staging = table + "_staging";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (" + stagingColumns + ")");
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                    .createAppender("temp", "main", staging)) {
                for (Object[] row : rows) {
                    appender.beginRow();
                    for (Object value : row) {
                        append(appender, value);
                    }
                    appender.endRow();
                }
            }
            statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM "
                    + staging + " " + conflict);
            statement.execute("DELETE FROM " + staging);
        }
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String text) {
            appender.append(text);
        } else if (value instanceof Double number) {
            appender.append(number.doubleValue());
        } else if (value instanceof Integer number) {
            appender.append(number.intValue());
        } else if (value instanceof Boolean flag) {
            appender.append(flag.booleanValue());
        } else if (value instanceof LocalDateTime time) {
            appender.append(time);
        } else {
            throw new IllegalArgumentException("unsupported column value type " + value.getClass().getName());
        }
    }

    private void insertInChunks(List<Object[]> rows) {
        int rowsPerStatement = Math.max(1, MAX_PARAMETERS / width);
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            StringJoiner values = new StringJoiner(", ");
            String placeholders = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
            chunk.forEach(row -> values.add(placeholders));
            jdbc.update("INSERT INTO " + table + " (" + columns + ") VALUES " + values + " " + conflict,
                    (PreparedStatement statement) -> {
                        int i = 0;
                        for (Object[] row : chunk) {
                            for (Object value : row) {
                                statement.setObject(++i, value);
                            }
                        }
                    });
        }
    }
}
