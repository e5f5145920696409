package io.aftercart.platform.store;

/** The two databases a service store runs on; SQL is kept to the PostgreSQL subset both accept. */
public enum SqlDialect {
    DUCKDB,
    POSTGRESQL
}
