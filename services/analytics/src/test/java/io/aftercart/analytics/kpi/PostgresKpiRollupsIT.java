package io.aftercart.analytics.kpi;

import io.aftercart.analytics.PostgresTestStore;
import io.aftercart.platform.store.ServiceStore;

/** The rollups on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresKpiRollupsIT extends KpiRollupsStoreIT {

    private final PostgresTestStore postgres = new PostgresTestStore();

    @Override
    protected ServiceStore openStore() {
        return postgres.open();
    }

    @Override
    protected ServiceStore reopenStore() {
        return postgres.reopen();
    }

    @Override
    protected void closeStore() {
        postgres.drop();
    }
}
