package io.aftercart.platform.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows into one table in a few statements, with a conflict clause (e.g. {@code ON CONFLICT (id) DO
 * NOTHING}, or {@code ON CONFLICT (k) DO UPDATE SET n = t.n + EXCLUDED.n}), joining the caller's transaction when
 * there is one.
 *
 * <p>DuckDB binds statement parameters slowly (about 10k rows/s even in multi-row statements), so there the rows go
 * through its appender into a per-connection temporary staging table and move on in one
 * {@code INSERT ... SELECT ... <conflict clause>}. PostgreSQL gets multi-row {@code VALUES} statements (text for a
 * {@code JSON}/{@code JSONB} column is cast there, as PostgreSQL takes no varchar parameter for it).
 */
public final class BulkInsert {

    /**
     * A column and its SQL type, as the staging table declares it (e.g. {@code TEXT}, {@code TIMESTAMPTZ},
     * {@code DECIMAL(18, 4)}: amounts are rounded half up to that scale, as PostgreSQL rounds them).
     */
    public record Column(String name, String sqlType) {
    }

    private static final int MAX_POSTGRES_PARAMETERS = 30_000;
    private static final Pattern DECIMAL =
            Pattern.compile("(?i)(?:DECIMAL|NUMERIC)\\s*\\(\\s*\\d+\\s*,\\s*(\\d+)\\s*\\)");

    private final String table;
    private final List<Column> columns;
    private final String conflictClause;
    private final String columnList;
    /** Per column, the scale of a DECIMAL type (DuckDB's appender takes only exactly that scale), else -1. */
    private final int[] decimalScales;
    /** The column of the key whose stored values DuckDB looks up instead of a conflict clause, or -1. */
    private final int lookedUpKey;

    public BulkInsert(String table, List<Column> columns, String conflictClause) {
        this(table, columns, conflictClause, -1);
    }

    private BulkInsert(String table, List<Column> columns, String conflictClause, int lookedUpKey) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.conflictClause = conflictClause;
        this.columnList = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.decimalScales = columns.stream().mapToInt(column -> {
            Matcher decimal = DECIMAL.matcher(column.sqlType());
            return decimal.matches() ? Integer.parseInt(decimal.group(1)) : -1;
        }).toArray();
        this.lookedUpKey = lookedUpKey;
    }

    /**
     * Writes only the rows whose {@code key}, the table's single-column primary key, is not stored yet; of rows
     * repeating a key the first counts. PostgreSQL says {@code ON CONFLICT (key) DO NOTHING}. DuckDB instead looks the
     * keys up ({@link InList}, through the key's index) and inserts the others plainly, because its conflict clause
     * costs far more than both: against a text key of 1.5 million rows, 123 µs per inserted row against 36 µs, against
     * a UUID key 35 µs against 25 ({@code BulkInsertBenchmark}, polls of 500 rows). The lookup is no lock: a
     * concurrent writer of the same key makes the insert fail, and the caller's retry skips the key.
     */
    public static BulkInsert newRowsOnly(String table, List<Column> columns, String key) {
        int index = columns.stream().map(Column::name).toList().indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException(key + " is not a column of " + table);
        }
        return new BulkInsert(table, columns, "ON CONFLICT (" + key + ") DO NOTHING", index);
    }

    /**
     * Writes the rows (one {@code Object[]} per row, values in column order: String, Long, Integer, Double,
     * BigDecimal, Boolean, UUID, LocalDate, LocalDateTime, OffsetDateTime, or Instant, stored as a UTC timestamp) and
     * returns how many rows the database reports as written.
     */
    public int write(ServiceStore store, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Integer written = new JdbcTemplate(store.dataSource()).execute((ConnectionCallback<Integer>) connection ->
                store.dialect() == SqlDialect.DUCKDB
                        ? viaAppender(connection, rows, null).size()
                        : viaValues(connection, rows, null).size());
        return written == null ? 0 : written;
    }

    /**
     * Writes the rows as {@link #write} does and returns the values (as text) of {@code column} of the rows the
     * statement actually inserted or updated ({@code RETURNING}): with {@code DO NOTHING}, those that were new.
     */
    public List<String> writeReturning(ServiceStore store, List<Object[]> rows, String column) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return new JdbcTemplate(store.dataSource()).execute((ConnectionCallback<List<String>>) connection ->
                store.dialect() == SqlDialect.DUCKDB
                        ? viaAppender(connection, rows, column)
                        : viaValues(connection, rows, column));
    }

    /** One entry per written row: the returned column's value, or null without {@code RETURNING}. */
    private List<String> viaAppender(Connection connection, List<Object[]> rows, String returning)
            throws SQLException {
        List<Object[]> written = lookedUpKey < 0 ? rows : withNewKeys(connection, rows);
        if (written.isEmpty()) {
            return List.of();
        }
        String staging = "staging_" + table;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (" + columns.stream()
                    .map(column -> column.name() + " " + column.sqlType()).collect(Collectors.joining(", ")) + ")");
            try {
                try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                        .createAppender("temp", "main", staging)) {
                    for (Object[] row : written) {
                        appender.beginRow();
                        for (int i = 0; i < row.length; i++) {
                            append(appender, row[i] instanceof BigDecimal number && decimalScales[i] >= 0
                                    ? number.setScale(decimalScales[i], RoundingMode.HALF_UP) : row[i]);
                        }
                        appender.endRow();
                    }
                }
                List<String> inserted = execute(statement, "INSERT INTO " + table + " (" + columnList + ") SELECT "
                        + columnList + " FROM " + staging + (lookedUpKey < 0 ? " " + conflictClause : ""), returning);
                statement.execute("DELETE FROM " + staging);
                return inserted;
            } catch (SQLException | RuntimeException e) {
                clearAfterFailure(connection, staging, e);
                throw e;
            }
        }
    }

    /** The rows whose key is neither stored nor repeated from an earlier row, in order. */
    private List<Object[]> withNewKeys(Connection connection, List<Object[]> rows) throws SQLException {
        Map<Object, Object[]> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.putIfAbsent(row[lookedUpKey], row));
        String key = columns.get(lookedUpKey).name();
        for (List<Object> chunk : InList.chunks(byKey.keySet())) {
            try (PreparedStatement lookup = connection.prepareStatement("SELECT " + key + " FROM " + table + " WHERE "
                    + InList.of(key, chunk))) {
                for (int i = 0; i < chunk.size(); i++) {
                    lookup.setObject(i + 1, chunk.get(i));
                }
                try (ResultSet stored = lookup.executeQuery()) {
                    while (stored.next()) {
                        byKey.remove(stored.getObject(1));
                    }
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * A failed move must not leave its rows staged for the connection's next batch. DuckDB closes a statement that
     * failed, so the staging table is cleared through a new one; should that fail too, the move's error still tells.
     */
    private static void clearAfterFailure(Connection connection, String staging, Exception failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + staging);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private List<String> viaValues(Connection connection, List<Object[]> rows, String returning)
            throws SQLException {
        int rowsPerStatement = Math.max(1, MAX_POSTGRES_PARAMETERS / columns.size());
        String row = columns.stream().map(column -> isJson(column) ? "CAST(? AS " + column.sqlType() + ")" : "?")
                .collect(Collectors.joining(", ", "(", ")"));
        List<String> written = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            String sql = "INSERT INTO " + table + " (" + columnList + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), row)) + " " + conflictClause;
            try (PreparedStatement statement = connection.prepareStatement(returning == null ? sql
                    : sql + " RETURNING " + returning)) {
                int index = 1;
                for (Object[] values : chunk) {
                    for (Object value : values) {
                        statement.setObject(index++, value instanceof Instant instant ? utc(instant) : value);
                    }
                }
                written.addAll(execute(statement, returning));
            }
        }
        return written;
    }

    private static boolean isJson(Column column) {
        return column.sqlType().equalsIgnoreCase("JSON") || column.sqlType().equalsIgnoreCase("JSONB");
    }

    private static List<String> execute(Statement statement, String sql, String returning) throws SQLException {
        if (returning == null) {
            return Collections.nCopies(statement.executeUpdate(sql), null);
        }
        try (ResultSet returned = statement.executeQuery(sql + " RETURNING " + returning)) {
            return values(returned);
        }
    }

    private static List<String> execute(PreparedStatement statement, String returning) throws SQLException {
        if (returning == null) {
            return Collections.nCopies(statement.executeUpdate(), null);
        }
        try (ResultSet returned = statement.executeQuery()) {
            return values(returned);
        }
    }

    private static List<String> values(ResultSet returned) throws SQLException {
        List<String> values = new ArrayList<>();
        while (returned.next()) {
            values.add(returned.getString(1));
        }
        return values;
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
        } else if (value instanceof LocalDateTime time) {
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
        } else if (value instanceof UUID uuid) {
            appender.append(uuid);
        } else {
            throw new IllegalArgumentException("No appender mapping for " + value.getClass().getName());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
