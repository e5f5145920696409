-- Rollups that depend on each customer's whole order history, kept so that cohort, repeat-purchase and
-- new-vs-returning queries read a few thousand pre-summed rows instead of every customer-day. For each customer a
-- batch touches, what the customer contributed before the batch (from kpi_customer_day) is taken off and what it
-- contributes after is added, so that a late first order moves the customer to the right cohort without a rebuild.
-- Rollups stored before this migration lack these tables' contents: rebuild them (POST /api/v1/admin/kpis/rebuild).

-- Orders and gross revenue of the orders placed on the day.
ALTER TABLE kpi_day ADD COLUMN orders BIGINT DEFAULT 0;
ALTER TABLE kpi_day ADD COLUMN gross_revenue DECIMAL(18,6) DEFAULT 0;

-- Per granularity ('week', 'month'), first-order day and period: how many of the customers whose first order was on
-- that day ordered in the period, and their gross revenue in it. cohort is the period of cohort_day.
CREATE TABLE kpi_cohort (
    granularity TEXT          NOT NULL,
    cohort_day  INTEGER       NOT NULL,
    period      INTEGER       NOT NULL,
    cohort      INTEGER       NOT NULL,
    customers   BIGINT        NOT NULL,
    revenue     DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (granularity, cohort_day, period)
);

-- Per granularity ('day', 'week', 'month') and period: customers with an order in it, and how many of them placed
-- their first order ever in it.
CREATE TABLE kpi_active (
    granularity   TEXT    NOT NULL,
    period        INTEGER NOT NULL,
    customers     BIGINT  NOT NULL,
    new_customers BIGINT  NOT NULL,
    PRIMARY KEY (granularity, period)
);

-- Customers per day of their first order and day of their second (the same day when both fell on one day;
-- 2147483647 while there is none).
CREATE TABLE kpi_acquisition (
    first_day  INTEGER NOT NULL,
    second_day INTEGER NOT NULL,
    customers  BIGINT  NOT NULL,
    PRIMARY KEY (first_day, second_day)
);
