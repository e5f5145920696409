package io.aftercart.analytics.kpi;

import io.aftercart.platform.store.SqlDialect;

/** The rollups on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresKpiRollupsIT extends KpiRollupsStoreIT {

    PostgresKpiRollupsIT() {
        super(SqlDialect.POSTGRESQL);
    }
}
