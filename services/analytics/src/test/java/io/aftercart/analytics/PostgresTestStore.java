package io.aftercart.analytics;

import com.zaxxer.hikari.HikariDataSource;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analytics store on the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), in a schema
 * of its own per instance (so parallel runs do not collide), migrated with the service's scripts. {@link #reopen()}
 * connects again to the same schema, as a restarted service would; {@link #drop()} removes it.
 */
public final class PostgresTestStore {

    private final String schema = "analytics_it_" + UUID.randomUUID().toString().replace("-", "");
    private HikariDataSource dataSource;

    public ServiceStore open() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(System.getProperty("aftercart.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(2);
        dataSource.addDataSourceProperty("currentSchema", schema);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/analytics")
                .schemas(schema).createSchemas(true).load().migrate();
        return new ServiceStore("analytics", SqlDialect.POSTGRESQL, dataSource, JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    public ServiceStore reopen() {
        dataSource.close();
        return open();
    }

    public void drop() {
        if (dataSource != null) {
            JdbcClient.create(dataSource).sql("DROP SCHEMA " + schema + " CASCADE").update();
            dataSource.close();
        }
    }
}
