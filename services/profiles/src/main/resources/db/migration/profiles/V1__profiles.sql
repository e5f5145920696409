-- The profiles store. Runs unchanged on DuckDB and PostgreSQL. Insert-only tables carry secondary indexes; tables
-- written with ON CONFLICT DO UPDATE have only their primary key, because DuckDB cannot update a row in place when a
-- secondary index covers it.

-- What each canonical event contributed, once per event id: profiles are folds over these, in event-time order, so
-- late, out-of-order and redelivered events give the same profile. Personal data only as keyed hash and ciphertext.
CREATE TABLE facts (
    event_id     TEXT           NOT NULL PRIMARY KEY,
    subject_id   TEXT           NOT NULL, -- the customer id, or the anonymous id when the event had no customer id
    anonymous    BOOLEAN        NOT NULL,
    event_time   TIMESTAMPTZ    NOT NULL,
    type         TEXT           NOT NULL,
    order_id     TEXT,
    ref_id       TEXT,                    -- ticket, return or review id
    amount       DECIMAL(20, 6),          -- in the event's currency
    currency     TEXT,
    items        INTEGER,
    score        DECIMAL(6, 2),           -- NPS score or review rating
    email_hash   TEXT,
    email_cipher TEXT,
    phone_hash   TEXT,
    phone_cipher TEXT,
    detail       TEXT                     -- the event's key properties for the timeline (JSON), never free text
);
CREATE INDEX facts_subject ON facts (subject_id, event_time);

-- Identity stitching: identify (anonymous id -> customer id) and alias (previous id -> customer id). For each
-- source the link with the latest event time wins.
CREATE TABLE identity_links (
    event_id  TEXT        NOT NULL PRIMARY KEY,
    source_id TEXT        NOT NULL,
    target_id TEXT        NOT NULL,
    link_time TIMESTAMPTZ NOT NULL
);
CREATE INDEX identity_links_source ON identity_links (source_id);
CREATE INDEX identity_links_target ON identity_links (target_id);

-- The latest prediction per id (from aftercart.predictions), normalised JSON.
CREATE TABLE predictions (
    customer_id TEXT NOT NULL PRIMARY KEY,
    body        TEXT NOT NULL
);

-- One sentiment result per scored event (from aftercart.sentiment), normalised JSON without any text.
CREATE TABLE sentiments (
    event_id    TEXT NOT NULL PRIMARY KEY,
    customer_id TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX sentiments_customer ON sentiments (customer_id);

-- The current profile of each customer: filter columns, contact data protected, and the profile JSON.
CREATE TABLE profiles (
    customer_id   TEXT           NOT NULL PRIMARY KEY,
    order_count   INTEGER        NOT NULL,
    net_revenue   DECIMAL(20, 6) NOT NULL,
    last_order_at TIMESTAMPTZ,
    nps_class     TEXT,
    at_risk       BOOLEAN,
    email_hash    TEXT,
    email_cipher  TEXT,
    phone_hash    TEXT,
    phone_cipher  TEXT,
    body          TEXT           NOT NULL
);
