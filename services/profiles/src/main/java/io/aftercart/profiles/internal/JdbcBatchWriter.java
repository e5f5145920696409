package io.aftercart.profiles.internal;

import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A JDBC batch of one parameterised insert; PostgreSQL's driver rewrites it into multi-row statements. */
final class JdbcBatchWriter implements BatchWriter {

    private final JdbcTemplate jdbc;

    JdbcBatchWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void write(String table, List<String> columns, String onConflict, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders
                + ") " + onConflict, rows);
    }
}
