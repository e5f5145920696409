package io.aftercart.platform.store;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One service's own database: its own DuckDB file, or its own schema in PostgreSQL. No service reads another's.
 */
public record ServiceStore(String service, SqlDialect dialect, DataSource dataSource, JdbcClient jdbc,
        TransactionTemplate transactions) {
}
