package io.aftercart.intelligence.sentiment;

import io.aftercart.platform.store.SqlDialect;

/** The sentiment tables on an embedded DuckDB file, opened the way the service opens it. */
class DuckDbSentimentStoreIT extends SentimentStoreIT {

    DuckDbSentimentStoreIT() {
        super(SqlDialect.DUCKDB);
    }
}
