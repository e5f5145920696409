package io.aftercart.intelligence.churn;

import io.aftercart.platform.store.SqlDialect;

/** The churn tables on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresChurnStoreIT extends ChurnStoreIT {

    PostgresChurnStoreIT() {
        super(SqlDialect.POSTGRESQL);
    }
}
