-- Churn and lifetime value. Order events as facts (one row per event id: replays and late events are harmless),
-- the purchase summary derived from them per customer, and every model fit as a version.
CREATE TABLE churn_order_events (
    event_id VARCHAR PRIMARY KEY,
    customer_id VARCHAR NOT NULL,
    order_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    order_day DATE,
    amount DECIMAL(18, 4),
    currency VARCHAR
);
CREATE INDEX churn_order_events_customer ON churn_order_events (customer_id);

CREATE TABLE churn_customer_summaries (
    customer_id VARCHAR PRIMARY KEY,
    purchase_days INTEGER NOT NULL,
    first_purchase DATE NOT NULL,
    last_purchase DATE NOT NULL,
    repeat_spend DECIMAL(18, 4) NOT NULL,
    total_spend DECIMAL(18, 4) NOT NULL,
    currency VARCHAR
);

CREATE TABLE churn_model_versions (
    version BIGINT PRIMARY KEY,
    status VARCHAR NOT NULL,
    reason VARCHAR,
    fitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data_cutoff DATE NOT NULL,
    customers BIGINT NOT NULL,
    repeat_customers BIGINT NOT NULL,
    fit_millis BIGINT NOT NULL,
    r DOUBLE PRECISION,
    alpha DOUBLE PRECISION,
    a DOUBLE PRECISION,
    b DOUBLE PRECISION,
    log_likelihood DOUBLE PRECISION,
    converged BOOLEAN NOT NULL,
    spend_p DOUBLE PRECISION,
    spend_q DOUBLE PRECISION,
    spend_gamma DOUBLE PRECISION,
    spend_log_likelihood DOUBLE PRECISION,
    -- the whole version (with its calibration table) as the API shows it
    document VARCHAR NOT NULL
);
