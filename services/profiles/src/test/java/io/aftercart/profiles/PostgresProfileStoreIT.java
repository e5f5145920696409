package io.aftercart.profiles;

import io.aftercart.platform.store.SqlDialect;

/** The profile store on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresProfileStoreIT extends ProfileStoreIT {

    PostgresProfileStoreIT() {
        super(SqlDialect.POSTGRESQL);
    }
}
