package io.aftercart.bench;

import io.aftercart.platform.store.SqlDialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One KPI endpoint and the straightforward SQL over the raw {@code events} table that computes the same figures, with
 * the comparison of the two answers cell by cell.
 *
 * @param name        the KPI as printed
 * @param path        the API path and query
 * @param duckDbSql   the query over {@code events} on DuckDB; columns as {@link #compare} expects them
 * @param postgresSql the same query on PostgreSQL
 */
record NaiveKpi(String name, String path, String duckDbSql, String postgresSql, Comparison comparison) {

    /** Days, months and amounts as the rollups define them (reporting time zone UTC, amounts in GBP). */
    private static final String DAY = "CAST(timezone('UTC', event_time) AS DATE)";
    private static final String TOTAL = "CAST(properties->>'total' AS DECIMAL(18,2))";
    /** The ORDER BY of the top returned products; PostgreSQL orders the product ids bytewise, as DuckDB does. */
    private static final String TOP_RETURNS = " FROM lines GROUP BY 1 ORDER BY returned_value DESC, returned DESC, %s"
            + " LIMIT 50";

    /** A KPI whose query both databases run as written. */
    private NaiveKpi(String name, String path, String sql, Comparison comparison) {
        this(name, path, sql, sql, comparison);
    }

    String sql(SqlDialect dialect) {
        return dialect == SqlDialect.POSTGRESQL ? postgresSql : duckDbSql;
    }

    interface Comparison {
        /** Months since year 0 of a date (EXTRACT, which both databases have). */
    private static String monthIndex(String date) {
        return "(EXTRACT(YEAR FROM " + date + ") * 12 + EXTRACT(MONTH FROM " + date + ") - 1)";
    }

    Agreement compare(JsonNode api, List<Map<String, Object>> rows);
    }

    /** @param example one compared cell, API value then SQL value, for the printout */
    record Agreement(int compared, List<String> mismatches, String example) {
    }

    static List<NaiveKpi> all() {
        return List.of(
                new NaiveKpi("cohorts by month", "/api/v1/kpis/cohorts?granularity=month",
                        "WITH orders AS (SELECT customer_id, " + DAY + " AS d, " + TOTAL + " AS total FROM events"
                                + "   WHERE type = 'Order Completed'),"
                                + " firsts AS (SELECT customer_id, MIN(d) AS first_day FROM orders"
                                + "   GROUP BY customer_id)"
                                + " SELECT " + monthIndex("f.first_day") + " AS cohort,"
                                + " " + monthIndex("o.d") + " - " + monthIndex("f.first_day") + " AS age,"
                                + " COUNT(DISTINCT o.customer_id) AS customers, SUM(o.total) AS revenue"
                                + " FROM orders o JOIN firsts f ON f.customer_id = o.customer_id GROUP BY 1, 2",
                        NaiveKpi::compareCohorts),
                new NaiveKpi("orders by day", "/api/v1/kpis/orders?granularity=day",
                        "SELECT CAST(" + DAY + " AS VARCHAR) AS d, COUNT(*) AS orders, SUM(" + TOTAL + ") AS revenue,"
                                + " COUNT(DISTINCT customer_id) AS customers FROM events"
                                + " WHERE type = 'Order Completed' GROUP BY 1",
                        NaiveKpi::compareOrders),
                new NaiveKpi("repeat purchase", "/api/v1/kpis/repeat-purchase",
                        "SELECT COUNT(*) AS customers, COUNT(*) FILTER (WHERE orders >= 2) AS repeaters"
                                + " FROM (SELECT customer_id, COUNT(*) AS orders FROM events"
                                + "   WHERE type = 'Order Completed' GROUP BY customer_id) per_customer",
                        NaiveKpi::compareRepeat),
                new NaiveKpi("returns by product (top 50)", "/api/v1/kpis/returns?by=product&limit=50",
                        "WITH lines AS (SELECT type, UNNEST(from_json(properties->'products',"
                                + "   '[{\"product_id\":\"VARCHAR\",\"price\":\"DECIMAL(18,2)\","
                                + "     \"quantity\":\"BIGINT\"}]'))"
                                + "   AS line FROM events WHERE type IN ('Order Completed', 'Product Returned'))"
                                + " SELECT line.product_id AS product,"
                                + " SUM(CASE WHEN type = 'Order Completed' THEN line.quantity ELSE 0 END) AS sold,"
                                + " SUM(CASE WHEN type = 'Product Returned' THEN line.quantity ELSE 0 END) AS returned,"
                                + " SUM(CASE WHEN type = 'Product Returned' THEN line.price * line.quantity ELSE 0 END)"
                                + "   AS returned_value"
                                + TOP_RETURNS.formatted("product"),
                        "WITH lines AS (SELECT type, line->>'product_id' AS product,"
                                + "   CAST(line->>'price' AS DECIMAL(18,2)) AS price,"
                                + "   CAST(line->>'quantity' AS BIGINT) AS quantity"
                                + "   FROM events, json_array_elements(properties->'products') AS line"
                                + "   WHERE type IN ('Order Completed', 'Product Returned'))"
                                + " SELECT product,"
                                + " SUM(CASE WHEN type = 'Order Completed' THEN quantity ELSE 0 END) AS sold,"
                                + " SUM(CASE WHEN type = 'Product Returned' THEN quantity ELSE 0 END) AS returned,"
                                + " SUM(CASE WHEN type = 'Product Returned' THEN price * quantity ELSE 0 END)"
                                + "   AS returned_value"
                                + TOP_RETURNS.formatted("product COLLATE \"C\""),
                        NaiveKpi::compareReturns),
                new NaiveKpi("NPS by month", "/api/v1/kpis/nps?granularity=month",
                        "SELECT " + monthIndex("d") + " AS month,"
                                + " COUNT(*) FILTER (WHERE score >= 9) AS promoters,"
                                + " COUNT(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives,"
                                + " COUNT(*) FILTER (WHERE score <= 6) AS detractors"
                                + " FROM (SELECT " + DAY + " AS d, CAST(properties->>'score' AS INTEGER) AS score"
                                + "   FROM events WHERE type = 'NPS Survey Responded') answers GROUP BY 1",
                        NaiveKpi::compareNps));
    }

    /** Months since year 0 of a date (EXTRACT, which both databases have). */
    private static String monthIndex(String date) {
        return "(EXTRACT(YEAR FROM " + date + ") * 12 + EXTRACT(MONTH FROM " + date + ") - 1)";
    }

    Agreement compare(JsonNode api, List<Map<String, Object>> rows) {
        return comparison.compare(api, rows);
    }

    private static Agreement compareCohorts(JsonNode api, List<Map<String, Object>> rows) {
        Map<String, Object[]> cells = new HashMap<>();
        int nonEmpty = 0;
        for (JsonNode cohort : api.get("cohorts")) {
            long index = month(LocalDate.parse(cohort.get("start").asString()));
            for (JsonNode period : cohort.get("periods")) {
                cells.put(index + "/" + period.get("period").asInt(), new Object[] {period.get("customers").asLong(),
                        period.get("revenue").decimalValue()});
                nonEmpty += period.get("customers").asLong() > 0 ? 1 : 0;
            }
        }
        Cells check = new Cells();
        for (Map<String, Object> row : rows) {
            String key = number(row.get("cohort")) + "/" + number(row.get("age"));
            String label = "cohort " + monthStart(number(row.get("cohort"))) + " period " + number(row.get("age"));
            Object[] cell = cells.getOrDefault(key, new Object[] {0L, BigDecimal.ZERO});
            check.compare(label + " customers", cell[0], number(row.get("customers")));
            check.compare(label + " revenue", cell[1], decimal(row.get("revenue")));
        }
        check.compare("cells with customers", (long) nonEmpty, (long) rows.size());
        return check.agreement();
    }

    private static Agreement compareOrders(JsonNode api, List<Map<String, Object>> rows) {
        Map<String, JsonNode> days = new HashMap<>();
        long withOrders = 0;
        for (JsonNode period : api.get("periods")) {
            days.put(period.get("start").asString(), period);
            withOrders += period.get("orders").asLong() > 0 ? 1 : 0;
        }
        Cells check = new Cells();
        for (Map<String, Object> row : rows) {
            String day = row.get("d").toString();
            JsonNode period = days.get(day);
            check.compare(day + " orders", period == null ? null : period.get("orders").asLong(),
                    number(row.get("orders")));
            check.compare(day + " gross revenue", period == null ? null : period.get("grossRevenue").decimalValue(),
                    decimal(row.get("revenue")));
            check.compare(day + " customers", period == null ? null : period.get("customers").asLong(),
                    number(row.get("customers")));
        }
        check.compare("days with orders", withOrders, (long) rows.size());
        return check.agreement();
    }

    private static Agreement compareRepeat(JsonNode api, List<Map<String, Object>> rows) {
        Cells check = new Cells();
        check.compare("customers", api.get("customers").asLong(), number(rows.get(0).get("customers")));
        check.compare("repeat customers", api.get("repeatCustomers").asLong(), number(rows.get(0).get("repeaters")));
        return check.agreement();
    }

    private static Agreement compareReturns(JsonNode api, List<Map<String, Object>> rows) {
        Cells check = new Cells();
        JsonNode apiRows = api.get("rows");
        check.compare("rows", (long) apiRows.size(), (long) rows.size());
        for (int i = 0; i < Math.min(apiRows.size(), rows.size()); i++) {
            JsonNode product = apiRows.get(i);
            Map<String, Object> row = rows.get(i);
            String label = "#" + (i + 1) + " ";
            check.compare(label + "product", product.get("key").asString(), row.get("product").toString());
            check.compare(label + "items sold", product.get("itemsSold").asLong(), number(row.get("sold")));
            check.compare(label + "items returned", product.get("itemsReturned").asLong(),
                    number(row.get("returned")));
            check.compare(label + "returned value", product.get("itemsReturnedValue").decimalValue(),
                    decimal(row.get("returned_value")));
        }
        return check.agreement();
    }

    private static Agreement compareNps(JsonNode api, List<Map<String, Object>> rows) {
        Map<Long, JsonNode> months = new HashMap<>();
        for (JsonNode period : api.get("periods")) {
            months.put(month(LocalDate.parse(period.get("start").asString())), period);
        }
        Cells check = new Cells();
        for (Map<String, Object> row : rows) {
            long index = number(row.get("month"));
            JsonNode period = months.get(index);
            for (String column : List.of("promoters", "passives", "detractors")) {
                check.compare(monthStart(index) + " " + column, period == null ? null : period.get(column).asLong(),
                        number(row.get(column)));
            }
        }
        check.compare("months", (long) months.size(), (long) rows.size());
        return check.agreement();
    }

    /** Collects the comparisons; numbers compare by value (2.50 equals 2.5). */
    private static final class Cells {
        private int compared;
        private final List<String> mismatches = new ArrayList<>();
        private String example;

        void compare(String cell, Object api, Object sql) {
            compared++;
            boolean equal = api instanceof BigDecimal a && sql instanceof BigDecimal b ? a.compareTo(b) == 0
                    : Objects.equals(api, sql);
            String shown = cell + ": API " + api + ", SQL " + sql;
            if (!equal) {
                mismatches.add(shown);
            }
            if (example == null) {
                example = shown;
            }
        }

        Agreement agreement() {
            return new Agreement(compared, mismatches, example);
        }
    }

    private static long month(LocalDate date) {
        return date.getYear() * 12L + date.getMonthValue() - 1;
    }

    private static LocalDate monthStart(long month) {
        return LocalDate.of((int) Math.floorDiv(month, 12), (int) Math.floorMod(month, 12) + 1, 1);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
