-- Recommendations: every purchase and return line the model learned, keyed by event id and line position, so a
-- replayed event is recognised and a restart rebuilds the in-memory model from here.
CREATE TABLE recommend_order_lines (
    event_id    VARCHAR NOT NULL,
    line_index  INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    customer_id VARCHAR NOT NULL,
    order_id    VARCHAR,
    product_id  VARCHAR NOT NULL,
    name        VARCHAR,
    category    VARCHAR,
    quantity    INTEGER NOT NULL,
    event_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, line_index)
);
