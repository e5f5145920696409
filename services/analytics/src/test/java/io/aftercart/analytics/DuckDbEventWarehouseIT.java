package io.aftercart.analytics;

import io.aftercart.platform.store.SqlDialect;

/** The warehouse on an embedded DuckDB file, opened the way the service opens it. */
class DuckDbEventWarehouseIT extends EventWarehouseStoreIT {

    DuckDbEventWarehouseIT() {
        super(SqlDialect.DUCKDB);
    }
}
