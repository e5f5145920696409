package io.aftercart.analytics.internal;

import static io.aftercart.analytics.internal.RollupColumn.amount;
import static io.aftercart.analytics.internal.RollupColumn.count;
import static io.aftercart.analytics.internal.RollupColumn.derived;
import static io.aftercart.analytics.internal.RollupColumn.key;

import io.aftercart.analytics.internal.RollupColumn.Merge;
import io.aftercart.analytics.internal.RollupColumn.Type;
import java.util.List;

/** The rollup tables of {@code V2__kpi_rollups.sql}, column for column. */
public final class RollupTables {

    public static final RollupTable CUSTOMER_DAY = new RollupTable("kpi_customer_day", List.of(
            key("customer_id", Type.TEXT), key("day", Type.INTEGER), derived("week"), derived("month"),
            count("orders"), amount("gross_revenue")));

    public static final RollupTable DAY = new RollupTable("kpi_day", List.of(
            key("day", Type.INTEGER), derived("week"), derived("month"),
            count("items_sold"), amount("items_sold_value"),
            count("cancellations"), amount("cancelled_value"),
            count("refunds"), amount("refunded_value"),
            count("returns"), count("items_returned"), amount("items_returned_value"),
            count("nps_promoters"), count("nps_passives"), count("nps_detractors"),
            count("tickets_opened"), count("tickets_resolved"), amount("net_revenue"), count("kept_orders"),
            count("orders"), amount("gross_revenue")));

    public static final RollupTable PRODUCT_MONTH = new RollupTable("kpi_product_month", List.of(
            key("product_id", Type.TEXT), key("category", Type.TEXT), key("month", Type.INTEGER),
            count("items_sold"), amount("items_sold_value"), count("items_returned"), amount("items_returned_value")));

    /** The yearly sums of {@link #PRODUCT_MONTH} ({@code V6__product_year_rollup.sql}). */
    public static final RollupTable PRODUCT_YEAR = new RollupTable("kpi_product_year", List.of(
            key("product_id", Type.TEXT), key("category", Type.TEXT), key("year", Type.INTEGER),
            count("items_sold"), amount("items_sold_value"), count("items_returned"), amount("items_returned_value")));

    /** The all-time sums of {@link #PRODUCT_MONTH} ({@code V8__all_time_rollups.sql}). */
    public static final RollupTable PRODUCT_TOTAL = new RollupTable("kpi_product_total", List.of(
            key("product_id", Type.TEXT), key("category", Type.TEXT),
            count("items_sold"), amount("items_sold_value"), count("items_returned"), amount("items_returned_value")));

    public static final RollupTable RETURN_REASON = new RollupTable("kpi_return_reason", List.of(
            key("day", Type.INTEGER), key("reason_code", Type.TEXT), count("returns"), count("items")));

    public static final RollupTable TICKET = new RollupTable("kpi_ticket", List.of(
            key("ticket_id", Type.TEXT),
            new RollupColumn("opened_at", Type.BIGINT, Merge.MIN),
            new RollupColumn("resolved_at", Type.BIGINT, Merge.MAX),
            // the day of the latest resolution is the latest day, as days only grow with time
            new RollupColumn("resolved_day", Type.INTEGER, Merge.MAX)));

    public static final RollupTable EXCLUDED = new RollupTable("kpi_excluded", List.of(
            key("day", Type.INTEGER), key("currency", Type.TEXT), count("events")));

    /**
     * Each order's money ({@code V3__order_money.sql}); what a batch adds is merged like any rollup, and
     * {@link OrderNets} turns the change of each order's net into {@code net_revenue} on the order's day.
     */
    public static final RollupTable ORDER = new RollupTable("kpi_order", List.of(
            key("order_id", Type.TEXT),
            // one customer per order; should events name several, the smallest id, whatever their order
            new RollupColumn("customer_id", Type.TEXT, Merge.MIN),
            new RollupColumn("order_day", Type.INTEGER, Merge.MIN),
            new RollupColumn("first_day", Type.INTEGER, Merge.MIN),
            count("completions"), amount("total"), amount("refunded"), amount("cancelled"), amount("returned"),
            count("cancellations"), new RollupColumn("cancelled_whole", Type.INTEGER, Merge.MAX)));

    /**
     * What each customer's order history adds up to ({@code V4__customer_history_rollups.sql},
     * {@link CustomerHistories}).
     */
    public static final RollupTable COHORT = new RollupTable("kpi_cohort", List.of(
            key("granularity", Type.TEXT), key("cohort_day", Type.INTEGER), key("period", Type.INTEGER),
            derived("cohort"), count("customers"), amount("revenue")));

    public static final RollupTable ACTIVE = new RollupTable("kpi_active", List.of(
            key("granularity", Type.TEXT), key("period", Type.INTEGER), count("customers"), count("new_customers")));

    public static final RollupTable ACQUISITION = new RollupTable("kpi_acquisition", List.of(
            key("first_day", Type.INTEGER), key("second_day", Type.INTEGER), count("customers")));

    /**
     * Customers by the days from their first order to their second, {@link CustomerHistories#NO_GAP} while there is
     * none: the all-time sums of {@link #ACQUISITION} by gap ({@code V8__all_time_rollups.sql}).
     */
    public static final RollupTable REPEAT_GAP = new RollupTable("kpi_repeat_gap", List.of(
            key("gap", Type.INTEGER), count("customers")));

    public static final List<RollupTable> ALL =
            List.of(CUSTOMER_DAY, DAY, PRODUCT_MONTH, PRODUCT_YEAR, PRODUCT_TOTAL, RETURN_REASON, TICKET, EXCLUDED,
                    ORDER, COHORT, ACTIVE, ACQUISITION, REPEAT_GAP);

    private RollupTables() {
    }
}
