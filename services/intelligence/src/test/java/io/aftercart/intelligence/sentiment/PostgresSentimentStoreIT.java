package io.aftercart.intelligence.sentiment;

import io.aftercart.platform.store.SqlDialect;

/** The sentiment tables on PostgreSQL, in a schema of its own per run that is dropped afterwards. */
class PostgresSentimentStoreIT extends SentimentStoreIT {

    PostgresSentimentStoreIT() {
        super(SqlDialect.POSTGRESQL);
    }
}
