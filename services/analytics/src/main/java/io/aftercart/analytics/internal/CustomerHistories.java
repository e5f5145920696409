package io.aftercart.analytics.internal;

import io.aftercart.analytics.kpi.Granularity;
import io.aftercart.platform.store.ServiceStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Keeps the rollups that depend on a customer's whole order history: cohort cells ({@code kpi_cohort}), active and
 * new customers per period ({@code kpi_active}), first and second order days ({@code kpi_acquisition}) and the gaps
 * between them ({@code kpi_repeat_gap}). For every customer with orders in a batch, what the customer's stored order
 * days ({@code kpi_customer_day}) contributed is taken off and what they contribute with the batch's days merged in
 * is added. So a late first order moves its customer to the right cohort, and another order in a period the customer
 * was already active in adds only revenue. Runs in the warehouse transaction, before the batch's rows are merged.
 */
public final class CustomerHistories {

    /** The second order day of a customer who has ordered only once. */
    public static final int NO_SECOND_ORDER = Integer.MAX_VALUE;
    /** The days from first to second order of a customer who has ordered only once. */
    public static final int NO_GAP = -1;

    private static final RollupTable DAYS = RollupTables.CUSTOMER_DAY;
    private static final int CUSTOMER = DAYS.columnNames().indexOf("customer_id");
    private static final int DAY = DAYS.columnNames().indexOf("day");
    private static final int ORDERS = DAYS.columnNames().indexOf("orders");
    private static final int REVENUE = DAYS.columnNames().indexOf("gross_revenue");
    /** Per granularity, the column of kpi_customer_day holding that period's number. */
    private static final Map<Granularity, Integer> PERIOD_COLUMN = Arrays.stream(Granularity.values())
            .collect(Collectors.toMap(granularity -> granularity,
                    granularity -> DAYS.columnNames().indexOf(granularity.column()),
                    (a, b) -> a, () -> new EnumMap<>(Granularity.class)));
    private static final Comparator<Object[]> BY_DAY = Comparator.comparing(row -> (Integer) row[DAY]);

    private final StoredRows storedRows;

    public CustomerHistories(ServiceStore store) {
        this.storedRows = new StoredRows(store);
    }

    /** Adds to {@code delta} how the histories of the customers it gives orders change the rollups. */
    public void settle(RollupDelta delta) {
        Map<String, List<Object[]>> changes = byCustomer(delta.rows(DAYS).sorted());
        if (changes.isEmpty()) {
            return;
        }
        Map<String, List<Object[]>> stored =
                byCustomer(storedRows.where(DAYS, "customer_id", new ArrayList<>(changes.keySet())));
        stored.values().forEach(days -> days.sort(BY_DAY));
        changes.forEach((customer, days) -> {
            List<Object[]> before = stored.getOrDefault(customer, List.of());
            contribute(delta, before, -1);
            contribute(delta, merged(before, days), 1);
        });
    }

    private static Map<String, List<Object[]>> byCustomer(List<Object[]> rows) {
        Map<String, List<Object[]>> byCustomer = new HashMap<>();
        rows.forEach(row -> byCustomer.computeIfAbsent((String) row[CUSTOMER], c -> new ArrayList<>()).add(row));
        return byCustomer;
    }

    /** The stored days with the batch's merged in, by day. */
    private static List<Object[]> merged(List<Object[]> before, List<Object[]> changes) {
        Map<Integer, Object[]> byDay = new TreeMap<>();
        before.forEach(row -> byDay.put((Integer) row[DAY], row));
        changes.forEach(row -> byDay.merge((Integer) row[DAY], row, (a, b) -> RollupRows.merged(DAYS, a, b)));
        return new ArrayList<>(byDay.values());
    }

    /** Adds {@code sign} times what a customer with these order days (in day order) contributes. */
    private static void contribute(RollupDelta delta, List<Object[]> days, long sign) {
        if (days.isEmpty()) {
            return;
        }
        Object[] first = days.get(0);
        int firstDay = (Integer) first[DAY];
        int secondDay = (Long) first[ORDERS] >= 2 ? firstDay
                : days.size() > 1 ? (Integer) days.get(1)[DAY] : NO_SECOND_ORDER;
        delta.rows(RollupTables.ACQUISITION).add(firstDay, secondDay, sign);
        delta.rows(RollupTables.REPEAT_GAP).add(secondDay == NO_SECOND_ORDER ? NO_GAP : secondDay - firstDay, sign);
        BigDecimal signum = BigDecimal.valueOf(sign);
        for (Granularity granularity : Granularity.values()) {
            int column = PERIOD_COLUMN.get(granularity);
            Integer cohort = (Integer) first[column];
            Map<Integer, BigDecimal> revenueByPeriod = new LinkedHashMap<>();
            days.forEach(row ->
                    revenueByPeriod.merge((Integer) row[column], (BigDecimal) row[REVENUE], BigDecimal::add));
            revenueByPeriod.forEach((period, revenue) -> {
                delta.rows(RollupTables.ACTIVE).add(granularity.column(), period, sign,
                        period.equals(cohort) ? sign : 0L);
                if (granularity != Granularity.DAY) {
                    delta.rows(RollupTables.COHORT).add(granularity.column(), firstDay, period, cohort, sign,
                            revenue.multiply(signum));
                }
            });
        }
    }
}
