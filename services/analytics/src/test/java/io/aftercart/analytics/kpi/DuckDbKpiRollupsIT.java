package io.aftercart.analytics.kpi;

import io.aftercart.platform.store.SqlDialect;

/** The rollups on an embedded DuckDB file, opened (and reopened) the way the service opens it. */
class DuckDbKpiRollupsIT extends KpiRollupsStoreIT {

    DuckDbKpiRollupsIT() {
        super(SqlDialect.DUCKDB);
    }
}
