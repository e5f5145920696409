package io.aftercart.platform.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows into one table in a few statements, with a conflict clause (e.g. {@code ON CONFLICT (id) DO
 * NOTHING}), joining the caller's transaction when there is one.
 *
 * <p>DuckDB binds statement parameters slowly (about 10k rows/s even in multi-row statements), so there the rows go
 * through its appender into a per-connection temporary staging table and move on in one
 * {@code INSERT ... SELECT ... <conflict clause>}. PostgreSQL gets multi-row {@code VALUES} statements.
 */
public final class BulkInsert {

    /** A column and its SQL type, as the staging table declares it (e.g. {@code TEXT}, {@code TIMESTAMPTZ}). */
    public record Column(String name, String sqlType) {
    }

    private static final int MAX_POSTGRES_PARAMETERS = 30_000;

    private final String table;
    private final List<Column> columns;
    private final String conflictClause;
    private final String columnList;

    public BulkInsert(String table, List<Column> columns, String conflictClause) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.conflictClause = conflictClause;
        this.columnList = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /**
     * Writes the rows (one {@code Object[]} per row, values in column order; {@link Instant}s are stored as UTC
     * timestamps) and returns how many rows the database reports as written.
     */
    public int write(ServiceStore store, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Integer written = new JdbcTemplate(store.dataSource()).execute((ConnectionCallback<Integer>) connection ->
                store.dialect() == SqlDialect.DUCKDB ? viaAppender(connection, rows) : viaValues(connection, rows));
        return written == null ? 0 : written;
    }

    private int viaAppender(Connection connection, List<Object[]> rows) throws SQLException {
        String staging = "staging_" + table;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (" + columns.stream()
                    .map(column -> column.name() + " " + column.sqlType()).collect(Collectors.joining(", ")) + ")");
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
            int written = statement.executeUpdate("INSERT INTO " + table + " (" + columnList + ") SELECT "
                    + columnList + " FROM " + staging + " " + conflictClause);
            statement.execute("DELETE FROM " + staging);
            return written;
        }
    }

    private int viaValues(Connection connection, List<Object[]> rows) throws SQLException {
        int rowsPerStatement = Math.max(1, MAX_POSTGRES_PARAMETERS / columns.size());
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        int written = 0;
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            String sql = "INSERT INTO " + table + " (" + columnList + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)) + " " + conflictClause;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        statement.setObject(index++, value instanceof Instant instant ? utc(instant) : value);
                    }
                }
                written += statement.executeUpdate();
            }
        }
        return written;
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String text) {
            appender.append(text);
        } else if (value instanceof Instant instant) {
            appender.append(utc(instant));
        } else if (value instanceof OffsetDateTime time) {
            appender.append(time);
        } else if (value instanceof LocalDate date) {
            appender.append(date);
        } else if (value instanceof Long number) {
            appender.append(number);
        } else if (value instanceof Integer number) {
            appender.append(number);
        } else if (value instanceof Double number) {
            appender.append(number);
        } else if (value instanceof BigDecimal number) {
            appender.append(number);
        } else if (value instanceof Boolean flag) {
            appender.append(flag);
        } else {
            throw new IllegalArgumentException("No appender mapping for " + value.getClass().getName());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
