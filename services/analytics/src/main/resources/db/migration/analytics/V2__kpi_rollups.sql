-- KPI rollups, maintained in the same transaction as the warehouse insert of each poll (only events stored for the
-- first time are counted, so a redelivery adds nothing). Days, weeks and months are those of the reporting time zone:
-- day = epoch day, week = weeks since Monday 1969-12-29 (weeks start on Monday), month = year * 12 + month - 1.
-- Amounts are in the reporting currency. KPI queries read only these tables, never the events table.

-- Orders and gross revenue per customer and day. Cohorts, repeat purchase, new vs returning customers and CLV are
-- derived from it at query time, so a late first order moves its customer to the right cohort without correction.
CREATE TABLE kpi_customer_day (
    customer_id   TEXT          NOT NULL,
    day           INTEGER       NOT NULL,
    week          INTEGER       NOT NULL,
    month         INTEGER       NOT NULL,
    orders        BIGINT        NOT NULL,
    gross_revenue DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (customer_id, day)
);

-- Everything else that adds up per day.
CREATE TABLE kpi_day (
    day                  INTEGER       NOT NULL PRIMARY KEY,
    week                 INTEGER       NOT NULL,
    month                INTEGER       NOT NULL,
    items_sold           BIGINT        NOT NULL,
    items_sold_value     DECIMAL(18,6) NOT NULL,
    cancellations        BIGINT        NOT NULL,
    cancelled_value      DECIMAL(18,6) NOT NULL,
    refunds              BIGINT        NOT NULL,
    refunded_value       DECIMAL(18,6) NOT NULL,
    returns              BIGINT        NOT NULL,
    items_returned       BIGINT        NOT NULL,
    items_returned_value DECIMAL(18,6) NOT NULL,
    nps_promoters        BIGINT        NOT NULL,
    nps_passives         BIGINT        NOT NULL,
    nps_detractors       BIGINT        NOT NULL,
    tickets_opened       BIGINT        NOT NULL,
    tickets_resolved     BIGINT        NOT NULL
);

-- Units and value sold and returned per product (and the category the events gave it) and month.
CREATE TABLE kpi_product_month (
    product_id           TEXT          NOT NULL,
    category             TEXT          NOT NULL,
    month                INTEGER       NOT NULL,
    items_sold           BIGINT        NOT NULL,
    items_sold_value     DECIMAL(18,6) NOT NULL,
    items_returned       BIGINT        NOT NULL,
    items_returned_value DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (product_id, category, month)
);

-- Product Returned events and their units per reason code and day.
CREATE TABLE kpi_return_reason (
    day         INTEGER NOT NULL,
    reason_code TEXT    NOT NULL,
    returns     BIGINT  NOT NULL,
    items       BIGINT  NOT NULL,
    PRIMARY KEY (day, reason_code)
);

-- One row per support ticket: when it was first opened and last resolved (epoch seconds), for time to resolution.
CREATE TABLE kpi_ticket (
    ticket_id    TEXT    NOT NULL PRIMARY KEY,
    opened_at    BIGINT,
    resolved_at  BIGINT,
    resolved_day INTEGER
);

-- Money events left out of every KPI because their currency has no configured rate, per day and currency.
CREATE TABLE kpi_excluded (
    day      INTEGER NOT NULL,
    currency TEXT    NOT NULL,
    events   BIGINT  NOT NULL,
    PRIMARY KEY (day, currency)
);
