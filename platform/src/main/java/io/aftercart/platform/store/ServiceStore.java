package io.aftercart.platform.store;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One service's own database: its own DuckDB file, or its own schema in PostgreSQL. No service reads another's.
 *
 * <p>On DuckDB, a read without any bound parameter runs the plan made when it was prepared, which may have folded a
 * filter away on the table statistics of that moment ({@code DuckDbPreparedPlanIT}). So a filtered read that can run
 * while another connection commits takes its constants as parameters. Unfiltered counts, maxima and scans were
 * checked and answer from the data at execute.
 */
public record ServiceStore(String service, SqlDialect dialect, DataSource dataSource, JdbcClient jdbc,
        TransactionTemplate transactions) {
}
