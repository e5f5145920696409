package io.aftercart.analytics.kpi;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.analytics.NewEventsListener;
import io.aftercart.analytics.internal.CustomerHistories;
import io.aftercart.analytics.internal.OrderNets;
import io.aftercart.analytics.internal.RollupDelta;
import io.aftercart.analytics.internal.RollupTables;
import io.aftercart.analytics.internal.RollupWriter;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.store.ServiceStore;
import java.time.ZoneId;
import java.util.List;

/**
 * Keeps the KPI rollup tables up to date: each batch of events the warehouse stores for the first time is added in
 * the warehouse's own transaction, so the rollups count every event exactly once. {@link #rebuild} recomputes them
 * from the warehouse, e.g. after a KPI definition, the reporting time zone or an exchange rate changed.
 */
public class KpiRollups implements NewEventsListener {

    private static final int REPLAY_PAGE_SIZE = 5_000;

    private final ServiceStore store;
    private final RollupWriter writer;
    private final OrderNets orderNets;
    private final CustomerHistories customerHistories;
    private final CurrencyConverter converter;
    private final ZoneId zone;

    public KpiRollups(ServiceStore store, CurrencyConverter converter, ZoneId zone) {
        this.store = store;
        this.writer = new RollupWriter(store);
        this.orderNets = new OrderNets(store);
        this.customerHistories = new CustomerHistories(store);
        this.converter = converter;
        this.zone = zone;
    }

    @Override
    public void onNewEvents(List<CanonicalEvent> events) {
        RollupDelta delta = new RollupDelta(converter, zone);
        events.forEach(delta::add);
        orderNets.settle(delta);
        customerHistories.settle(delta);
        delta.rows().forEach(writer::merge);
    }

    /**
     * Empties the rollups and adds every event of the warehouse again, in one transaction: readers see the old
     * rollups until it commits, and a failure leaves them as they were.
     *
     * @return how many events were replayed
     */
    public long rebuild(EventWarehouse warehouse) {
        return warehouse.replay(RollupDelta.TYPES, REPLAY_PAGE_SIZE, this::clear, this);
    }

    private void clear() {
        RollupTables.ALL.forEach(table -> store.jdbc().sql("DELETE FROM " + table.name()).update());
    }
}
