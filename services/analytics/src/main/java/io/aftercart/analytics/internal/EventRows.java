package io.aftercart.analytics.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;
import tools.jackson.databind.node.ObjectNode;

/** How a {@link CanonicalEvent} maps to a row of the {@code events} table, both ways. */
public final class EventRows {

    public static final String COLUMNS =
            "id, type, schema_ref, source, event_time, received_at, customer_id, anonymous_id, properties, context";

    // CAST(? AS JSON): PostgreSQL refuses a varchar parameter for a json column; DuckDB accepts the same cast.
    private static final String ROW_PLACEHOLDERS = "(?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSON), CAST(? AS JSON))";

    private EventRows() {
    }

    /** One multi-row statement: on DuckDB a statement per row runs ~1k rows/s, one per chunk ~100x more. */
    static String insertIgnoringKnownIds(int rows) {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            values.add(ROW_PLACEHOLDERS);
        }
        return "INSERT INTO events (" + COLUMNS + ") VALUES " + values + " ON CONFLICT (id) DO NOTHING RETURNING id";
    }

    static void bind(PreparedStatement statement, List<CanonicalEvent> events) throws SQLException {
        int i = 0;
        for (CanonicalEvent event : events) {
            statement.setString(++i, event.id());
            statement.setString(++i, event.type());
            setText(statement, ++i, event.schema());
            setText(statement, ++i, event.source());
            setTime(statement, ++i, event.time());
            setTime(statement, ++i, event.receivedAt());
            setText(statement, ++i, event.customerId());
            setText(statement, ++i, event.anonymousId());
            setText(statement, ++i, json(event.properties()));
            setText(statement, ++i, json(event.context()));
        }
    }

    public static CanonicalEvent map(ResultSet row, int rowNum) throws SQLException {
        return new CanonicalEvent(
                row.getString("id"),
                row.getString("type"),
                row.getString("schema_ref"),
                row.getString("source"),
                instant(row, "event_time"),
                instant(row, "received_at"),
                row.getString("customer_id"),
                row.getString("anonymous_id"),
                object(row.getString("properties")),
                object(row.getString("context")));
    }

    /** Both drivers bind and read {@code timestamptz} as {@link OffsetDateTime}; neither takes an Instant. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void setTime(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, utc(value));
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String json(ObjectNode node) {
        return node == null ? null : EventJson.mapper().writeValueAsString(node);
    }

    private static ObjectNode object(String json) {
        return json == null ? null : (ObjectNode) EventJson.mapper().readTree(json);
    }
}
