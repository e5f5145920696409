CREATE TABLE bulk_totals (day DATE NOT NULL, product TEXT NOT NULL, units BIGINT NOT NULL, revenue DECIMAL(18, 6) NOT NULL,
    last_seen TIMESTAMP, body JSON, PRIMARY KEY (day, product));
