-- The event warehouse: every canonical event once, keyed by its id (consumers insert with ON CONFLICT DO NOTHING,
-- so a redelivered poll stores nothing twice). Runs unchanged on DuckDB and PostgreSQL.
CREATE TABLE events (
    id           TEXT        NOT NULL PRIMARY KEY,
    type         TEXT        NOT NULL,
    schema_ref   TEXT,
    source       TEXT,
    event_time   TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ,
    customer_id  TEXT,
    anonymous_id TEXT,
    properties   JSON,
    context      JSON,
    stored_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- A customer's timeline, paged by (event_time, id).
CREATE INDEX events_customer_time ON events (customer_id, event_time);
-- Counts and rollups per event type.
CREATE INDEX events_type ON events (type);
