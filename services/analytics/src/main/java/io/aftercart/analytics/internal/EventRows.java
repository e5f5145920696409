package io.aftercart.analytics.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.platform.store.Md5Key;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.node.ObjectNode;

/** How a {@link CanonicalEvent} maps to a row of the {@code events} table, both ways. */
public final class EventRows {

    public static final String COLUMNS =
            "id, type, schema_ref, source, event_time, received_at, customer_id, anonymous_id, properties, context";

    private EventRows() {
    }

    /** The values of an {@code events} row: its key, then the {@link #COLUMNS} (JSON as text). */
    static Object[] row(CanonicalEvent event) {
        return new Object[] {Md5Key.of(event.id()), event.id(), event.type(), event.schema(), event.source(),
                event.time(), event.receivedAt(), event.customerId(), event.anonymousId(), json(event.properties()),
                json(event.context())};
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
