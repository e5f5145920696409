-- Net revenue per order as the platform's OrderMoney defines it (total minus the larger of the refunds and the
-- cancelled plus returned value), counted on the day the order was placed. kpi_order keeps each order's money, so
-- that a refund, return or cancellation arriving at any time (also before its order) recomputes that order's net
-- and moves the difference onto the right day, in the warehouse transaction like every rollup. Until its
-- Order Completed is known, an order's money back is counted on the day of its earliest event.
-- Rollups stored before this migration lack the per-order money: rebuild them (POST /api/v1/admin/kpis/rebuild).
CREATE TABLE kpi_order (
    order_id        TEXT          NOT NULL PRIMARY KEY,
    customer_id     TEXT          NOT NULL,
    order_day       INTEGER,
    first_day       INTEGER       NOT NULL,
    completions     BIGINT        NOT NULL,
    total           DECIMAL(18,6) NOT NULL,
    refunded        DECIMAL(18,6) NOT NULL,
    cancelled       DECIMAL(18,6) NOT NULL,
    returned        DECIMAL(18,6) NOT NULL,
    cancellations   BIGINT        NOT NULL,
    cancelled_whole INTEGER       NOT NULL
);

-- Net revenue of the orders placed on the day, and how many of them were not cancelled in full.
ALTER TABLE kpi_day ADD COLUMN net_revenue DECIMAL(18,6) DEFAULT 0;
ALTER TABLE kpi_day ADD COLUMN kept_orders BIGINT DEFAULT 0;
