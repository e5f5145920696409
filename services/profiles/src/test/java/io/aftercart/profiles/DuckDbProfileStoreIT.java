package io.aftercart.profiles;

import io.aftercart.platform.store.SqlDialect;

/** The profile store on an embedded DuckDB file, opened the way the service opens it. */
class DuckDbProfileStoreIT extends ProfileStoreIT {

    DuckDbProfileStoreIT() {
        super(SqlDialect.DUCKDB);
    }
}
