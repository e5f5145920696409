-- All-time sums, for the default range without bounds: returns by product read one row per product and category
-- instead of one per year too, repeat purchase one row per gap instead of one per first and second order day.
-- Filled here from the rollups they sum, then kept like them.
CREATE TABLE kpi_product_total (
    product_id           TEXT          NOT NULL,
    category             TEXT          NOT NULL,
    items_sold           BIGINT        NOT NULL,
    items_sold_value     DECIMAL(18,6) NOT NULL,
    items_returned       BIGINT        NOT NULL,
    items_returned_value DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (product_id, category)
);

INSERT INTO kpi_product_total (product_id, category, items_sold, items_sold_value, items_returned,
        items_returned_value)
SELECT product_id, category, SUM(items_sold), SUM(items_sold_value), SUM(items_returned), SUM(items_returned_value)
FROM kpi_product_year
GROUP BY product_id, category;

-- Customers by the days from their first order to their second (-1 while there is none).
CREATE TABLE kpi_repeat_gap (
    gap       INTEGER NOT NULL PRIMARY KEY,
    customers BIGINT  NOT NULL
);

INSERT INTO kpi_repeat_gap (gap, customers)
SELECT CASE WHEN second_day = 2147483647 THEN -1 ELSE second_day - first_day END, SUM(customers)
FROM kpi_acquisition
GROUP BY CASE WHEN second_day = 2147483647 THEN -1 ELSE second_day - first_day END;
