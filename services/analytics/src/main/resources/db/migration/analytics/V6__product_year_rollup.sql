-- Units and value sold and returned per product, category and year (month = year * 12 + month of year - 1): the
-- yearly sums of kpi_product_month, so that returns by product over a long range read one row per product and year
-- instead of twelve. Filled here from the monthly rows, then kept like them.
CREATE TABLE kpi_product_year (
    product_id           TEXT          NOT NULL,
    category             TEXT          NOT NULL,
    year                 INTEGER       NOT NULL,
    items_sold           BIGINT        NOT NULL,
    items_sold_value     DECIMAL(18,6) NOT NULL,
    items_returned       BIGINT        NOT NULL,
    items_returned_value DECIMAL(18,6) NOT NULL,
    PRIMARY KEY (product_id, category, year)
);

INSERT INTO kpi_product_year (product_id, category, year, items_sold, items_sold_value, items_returned,
        items_returned_value)
SELECT product_id, category, CAST(FLOOR(month / 12.0) AS INTEGER), SUM(items_sold), SUM(items_sold_value),
        SUM(items_returned), SUM(items_returned_value)
FROM kpi_product_month
GROUP BY product_id, category, CAST(FLOOR(month / 12.0) AS INTEGER);
