package io.aftercart.profiles.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DuckDB binds statement parameters slowly (a statement per row runs ~1k rows/s), so rows go through its appender
 * into a temporary staging table shaped like the target, and from there into the target in one
 * {@code INSERT ... SELECT ... ON CONFLICT}. Temporary tables are per connection, so concurrent writers do not meet.
 */
final class DuckDbBatchWriter implements BatchWriter {

    private final JdbcTemplate jdbc;

    DuckDbBatchWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void write(String table, List<String> columns, String onConflict, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String staging = "staging_" + table;
        String columnList = String.join(", ", columns);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " AS SELECT " + columnList
                        + " FROM " + table + " LIMIT 0");
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
                statement.executeUpdate("INSERT INTO " + table + " (" + columnList + ") SELECT " + columnList
                        + " FROM " + staging + " " + onConflict);
                statement.execute("DELETE FROM " + staging);
            }
            return null;
        });
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String text) {
            appender.append(text);
        } else if (value instanceof Integer number) {
            appender.append(number.intValue());
        } else if (value instanceof Long number) {
            appender.append(number.longValue());
        } else if (value instanceof Boolean flag) {
            appender.append(flag.booleanValue());
        } else if (value instanceof BigDecimal decimal) {
            appender.append(decimal);
        } else if (value instanceof OffsetDateTime time) {
            appender.append(time);
        } else {
            throw new IllegalArgumentException("no appender mapping for " + value.getClass());
        }
    }
}
