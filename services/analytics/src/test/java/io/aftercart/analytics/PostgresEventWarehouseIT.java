package io.aftercart.analytics;

import io.aftercart.platform.store.ServiceStore;

/** The warehouse on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresEventWarehouseIT extends EventWarehouseStoreIT {

    private final PostgresTestStore postgres = new PostgresTestStore();

    @Override
    protected ServiceStore openStore() {
        return postgres.open();
    }

    @Override
    protected void closeStore() {
        postgres.drop();
    }
}
