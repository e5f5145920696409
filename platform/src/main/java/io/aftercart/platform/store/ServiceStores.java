package io.aftercart.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens each service's store and migrates it with that service's Flyway scripts
 * ({@code classpath:db/migration/<service>}), the same scripts on DuckDB and PostgreSQL.
 */
public class ServiceStores implements AutoCloseable {

    private final StoreProperties properties;
    private final Path dataDir;
    private final List<HikariDataSource> opened = new ArrayList<>();

    public ServiceStores(StoreProperties properties, Path dataDir) {
        this.properties = properties;
        this.dataDir = dataDir;
    }

    public ServiceStore open(String service) {
        return open(service, service);
    }

    /**
     * Opens a service's store under another name: the PostgreSQL schema, or the DuckDB file, is {@code name}, the
     * migrations are the service's. Tests use it to work in a fresh schema per run.
     */
    public synchronized ServiceStore open(String service, String name) {
        SqlDialect dialect = properties.embedded() ? SqlDialect.DUCKDB : SqlDialect.POSTGRESQL;
        HikariDataSource dataSource = new HikariDataSource(hikari(name, dialect));
        opened.add(dataSource);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + service)
                .schemas(dialect == SqlDialect.POSTGRESQL ? name : "main")
                .createSchemas(dialect == SqlDialect.POSTGRESQL)
                .load()
                .migrate();
        return new ServiceStore(service, dialect, dataSource, JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private HikariConfig hikari(String service, SqlDialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("store-" + service);
        config.setMaximumPoolSize(properties.poolSize());
        if (dialect == SqlDialect.DUCKDB) {
            config.setJdbcUrl("jdbc:duckdb:" + duckDbFile(service));
            // each service's database would otherwise size its buffer pool at 80 % of the machine's memory
            config.addDataSourceProperty("memory_limit", properties.duckdbMemoryLimit());
            config.addDataSourceProperty("checkpoint_threshold", properties.duckdbCheckpointThreshold());
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
            config.addDataSourceProperty("currentSchema", service);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return config;
    }

    private Path duckDbFile(String service) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        return dataDir.toAbsolutePath().resolve(service + ".duckdb");
    }

    @Override
    public synchronized void close() {
        opened.forEach(HikariDataSource::close);
        opened.clear();
    }
}
