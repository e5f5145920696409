package io.aftercart.intelligence.churn;

import io.aftercart.platform.store.SqlDialect;

/** The churn tables on an embedded DuckDB file, opened the way the service opens it. */
class DuckDbChurnStoreIT extends ChurnStoreIT {

    DuckDbChurnStoreIT() {
        super(SqlDialect.DUCKDB);
    }
}
