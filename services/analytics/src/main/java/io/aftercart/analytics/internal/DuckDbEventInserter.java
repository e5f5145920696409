package io.aftercart.analytics.internal;

import static io.aftercart.analytics.internal.EventRows.COLUMNS;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * DuckDB binds statement parameters slowly (~10k rows/s even in multi-row statements), so rows go through its
 * appender into a temporary staging table (~100x faster) and from there into {@code events} in one
 * {@code INSERT ... SELECT ... ON CONFLICT ... RETURNING id}. Temporary tables are per connection and transactional,
 * so concurrent consumers do not see each other's rows, and a rolled-back batch leaves nothing staged.
 */
final class DuckDbEventInserter implements EventInserter {

    private static final String STAGING = "event_staging";
    private static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (id TEXT, type TEXT,"
            + " schema_ref TEXT, source TEXT, event_time TIMESTAMPTZ, received_at TIMESTAMPTZ, customer_id TEXT,"
            + " anonymous_id TEXT, properties JSON, context JSON)";
    private static final String MOVE_NEW = "INSERT INTO events (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + STAGING
            + " ON CONFLICT (id) DO NOTHING RETURNING id";

    private final JdbcTemplate jdbc;

    DuckDbEventInserter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Set<String> insertNew(List<CanonicalEvent> events) {
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_STAGING);
                try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class)
                        .createAppender("temp", "main", STAGING)) {
                    for (CanonicalEvent event : events) {
                        append(appender, event);
                    }
                }
                Set<String> moved = new HashSet<>();
                try (ResultSet ids = statement.executeQuery(MOVE_NEW)) {
                    while (ids.next()) {
                        moved.add(ids.getString(1));
                    }
                }
                statement.execute("DELETE FROM " + STAGING);
                return moved;
            }
        });
    }

    private static void append(DuckDBAppender appender, CanonicalEvent event) throws SQLException {
        appender.beginRow();
        text(appender, event.id());
        text(appender, event.type());
        text(appender, event.schema());
        text(appender, event.source());
        time(appender, event.time());
        time(appender, event.receivedAt());
        text(appender, event.customerId());
        text(appender, event.anonymousId());
        json(appender, event.properties());
        json(appender, event.context());
        appender.endRow();
    }

    private static void text(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static void time(DuckDBAppender appender, Instant value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(EventRows.utc(value));
        }
    }

    private static void json(DuckDBAppender appender, ObjectNode value) throws SQLException {
        text(appender, value == null ? null : EventJson.mapper().writeValueAsString(value));
    }
}
