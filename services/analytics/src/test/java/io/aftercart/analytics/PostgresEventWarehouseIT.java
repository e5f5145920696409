package io.aftercart.analytics;

import io.aftercart.platform.store.SqlDialect;

/** The warehouse on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresEventWarehouseIT extends EventWarehouseStoreIT {

    PostgresEventWarehouseIT() {
        super(SqlDialect.POSTGRESQL);
    }
}
