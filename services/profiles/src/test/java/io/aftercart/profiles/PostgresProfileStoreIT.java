package io.aftercart.profiles;

import com.zaxxer.hikari.HikariDataSource;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The profile store on the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), in a schema
 * of its own per run that is dropped afterwards, migrated with the service's scripts.
 */
class PostgresProfileStoreIT extends ProfileStoreIT {

    private final String schema = "profiles_it_" + UUID.randomUUID().toString().replace("-", "");
    private HikariDataSource dataSource;

    @Override
    protected ServiceStore openStore() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(System.getProperty("aftercart.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(2);
        dataSource.addDataSourceProperty("currentSchema", schema);
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/profiles")
                .schemas(schema).createSchemas(true).load().migrate();
        return new ServiceStore("profiles", SqlDialect.POSTGRESQL, dataSource, JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Override
    protected void closeStore() {
        if (dataSource != null) {
            JdbcClient.create(dataSource).sql("DROP SCHEMA " + schema + " CASCADE").update();
            dataSource.close();
        }
    }
}
