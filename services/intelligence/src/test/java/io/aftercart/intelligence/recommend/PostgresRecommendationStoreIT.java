package io.aftercart.intelligence.recommend;

import io.aftercart.platform.store.SqlDialect;

/** The recommendation order lines on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresRecommendationStoreIT extends RecommendationStoreIT {

    PostgresRecommendationStoreIT() {
        super(SqlDialect.POSTGRESQL);
    }
}
