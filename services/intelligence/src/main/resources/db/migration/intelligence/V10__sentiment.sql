-- Sentiment: one row per scored text (keyed by the event id, which makes the consumer idempotent), its aspect
-- mentions, and when each order was last active (for the service-recovery trigger). Times are UTC timestamps.
CREATE TABLE sentiment_results (
    event_id         VARCHAR PRIMARY KEY,
    customer_id      VARCHAR,
    source_type      VARCHAR NOT NULL,
    product_id       VARCHAR,
    order_id         VARCHAR,
    event_time       TIMESTAMP NOT NULL,
    compound         DOUBLE PRECISION NOT NULL,
    label            VARCHAR NOT NULL,
    pos              DOUBLE PRECISION NOT NULL,
    neu              DOUBLE PRECISION NOT NULL,
    neg              DOUBLE PRECISION NOT NULL,
    service_recovery BOOLEAN NOT NULL
);
CREATE INDEX sentiment_results_time ON sentiment_results (event_time);

CREATE TABLE sentiment_aspects (
    event_id     VARCHAR NOT NULL,
    aspect_index INTEGER NOT NULL,
    aspect       VARCHAR NOT NULL,
    sentence     INTEGER NOT NULL,
    compound     DOUBLE PRECISION NOT NULL,
    label        VARCHAR NOT NULL,
    event_time   TIMESTAMP NOT NULL,
    PRIMARY KEY (event_id, aspect_index)
);

CREATE TABLE sentiment_order_activity (
    order_id      VARCHAR PRIMARY KEY,
    last_activity TIMESTAMP NOT NULL
);
