package io.aftercart.intelligence.churn.internal;

import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows into one table with one conflict clause, in the caller's transaction. Values travel as text and
 * are cast by the database. DuckDB binds parameters slowly, so there rows go through its appender into a temporary
 * staging table and on in one {@code INSERT ... SELECT}; PostgreSQL gets multi-row {@code VALUES} statements.
 */
final class BatchUpsert {

    record Column(String name, String sqlType) {
    }

    private static final int ROWS_PER_STATEMENT = 1000;

    private final SqlDialect dialect;
    private final JdbcTemplate jdbc;
    private final String table;
    private final List<Column> columns;
    private final String conflict;
    private final String names;

    BatchUpsert(ServiceStore store, String table, List<Column> columns, String conflict) {
        this.dialect = store.dialect();
        this.jdbc = new JdbcTemplate(store.dataSource());
        this.table = table;
        this.columns = columns;
        this.conflict = conflict;
        this.names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** @param rows one text value (or null) per column; key columns must be distinct across rows */
    void write(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == SqlDialect.DUCKDB) {
            appendAndMove(rows);
        } else {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                insertValues(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
            }
        }
    }

    private void appendAndMove(List<String[]> rows) {
        String staging = table + "_staging";
        String stagingColumns = columns.stream().map(c -> c.name() + " VARCHAR").collect(Collectors.joining(", "));
        String casts = columns.stream().map(c -> "CAST(" + c.name() + " AS " + c.sqlType() + ")")
                .collect(Collectors.joining(", "));
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (" + stagingColumns + ")");
                try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                        .createAppender("temp", "main", staging)) {
                    for (String[] row : rows) {
                        appender.beginRow();
                        for (String value : row) {
                            if (value == null) {
                                appender.appendNull();
                            } else {
                                appender.append(value);
                            }
                        }
                        appender.endRow();
                    }
                }
                statement.executeUpdate("INSERT INTO " + table + " (" + names + ") SELECT " + casts + " FROM "
                        + staging + " " + conflict);
                statement.execute("DELETE FROM " + staging);
            }
            return null;
        });
    }

    private void insertValues(List<String[]> rows) {
        StringJoiner row = new StringJoiner(", ", "(", ")");
        columns.forEach(c -> row.add("CAST(? AS " + c.sqlType() + ")"));
        StringJoiner values = new StringJoiner(", ");
        rows.forEach(r -> values.add(row.toString()));
        jdbc.update("INSERT INTO " + table + " (" + names + ") VALUES " + values + " " + conflict, statement -> {
            int i = 0;
            for (String[] r : rows) {
                for (String value : r) {
                    statement.setString(++i, value);
                }
            }
        });
    }
}
