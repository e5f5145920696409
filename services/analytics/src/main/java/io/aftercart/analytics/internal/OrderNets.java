package io.aftercart.analytics.internal;

import io.aftercart.platform.reporting.OrderMoney;
import io.aftercart.platform.store.ServiceStore;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each order's net revenue on the day it belongs to. For every order a batch touches, the net before the batch
 * (from the stored {@code kpi_order} row) is taken off the day it was counted on and the net after it added to the
 * day it belongs to now, so that each day holds exactly the nets of its orders, whatever the order of arrival.
 * Runs in the warehouse transaction, before the batch's rows are merged.
 */
public final class OrderNets {

    private static final RollupTable TABLE = RollupTables.ORDER;
    private static final int ORDER_DAY = TABLE.columnNames().indexOf("order_day");
    private static final int FIRST_DAY = TABLE.columnNames().indexOf("first_day");
    private static final int COMPLETIONS = TABLE.columnNames().indexOf("completions");
    private static final int TOTAL = TABLE.columnNames().indexOf("total");
    private static final int REFUNDED = TABLE.columnNames().indexOf("refunded");
    private static final int CANCELLED = TABLE.columnNames().indexOf("cancelled");
    private static final int RETURNED = TABLE.columnNames().indexOf("returned");
    private static final int CANCELLATIONS = TABLE.columnNames().indexOf("cancellations");
    private static final int CANCELLED_WHOLE = TABLE.columnNames().indexOf("cancelled_whole");

    private final StoredRows storedRows;

    public OrderNets(ServiceStore store) {
        this.storedRows = new StoredRows(store);
    }

    /** Adds to {@code delta}'s day rows how the nets of the orders it touches move. */
    public void settle(RollupDelta delta) {
        List<Object[]> changes = delta.rows(TABLE).sorted();
        Map<Object, Object[]> stored = stored(changes.stream().map(row -> (String) row[0]).toList());
        for (Object[] change : changes) {
            Object[] before = stored.get(change[0]);
            if (before != null) {
                Net was = net(before);
                delta.addNet(was.day(), was.revenue().negate(), -was.keptOrders());
            }
            Net now = net(before == null ? change : RollupRows.merged(TABLE, before, change));
            delta.addNet(now.day(), now.revenue(), now.keptOrders());
        }
    }

    /** What an order adds to the day it is counted on. */
    private record Net(int day, BigDecimal revenue, long keptOrders) {
    }

    private static Net net(Object[] row) {
        BigDecimal total = (BigDecimal) row[TOTAL];
        boolean cancelledWhole = (Integer) row[CANCELLED_WHOLE] > 0;
        OrderMoney money = new OrderMoney(total, (BigDecimal) row[REFUNDED],
                cancelledWhole ? total : (BigDecimal) row[CANCELLED], (BigDecimal) row[RETURNED]);
        boolean cancelledInFull = (Long) row[CANCELLATIONS] > 0 && money.cancelled().compareTo(total) >= 0;
        Integer orderDay = (Integer) row[ORDER_DAY];
        return new Net(orderDay != null ? orderDay : (Integer) row[FIRST_DAY], money.net(),
                cancelledInFull ? 0 : (Long) row[COMPLETIONS]);
    }

    private Map<Object, Object[]> stored(List<String> orderIds) {
        Map<Object, Object[]> rows = new HashMap<>();
        storedRows.where(TABLE, "order_id", orderIds).forEach(row -> rows.put(row[0], row));
        return rows;
    }
}
