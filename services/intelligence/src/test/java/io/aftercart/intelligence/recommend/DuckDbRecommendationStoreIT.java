package io.aftercart.intelligence.recommend;

import io.aftercart.platform.store.SqlDialect;

/** The recommendation order lines on an embedded DuckDB file, opened the way the service opens it. */
class DuckDbRecommendationStoreIT extends RecommendationStoreIT {

    DuckDbRecommendationStoreIT() {
        super(SqlDialect.DUCKDB);
    }
}
