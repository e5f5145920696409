package io.aftercart.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens each service's store and migrates it with that service's Flyway scripts
 * ({@code classpath:db/migration/<service>}), the same scripts on DuckDB and PostgreSQL. Embedded, every service's
 * DuckDB file is a database of one {@link EmbeddedDuckDb} instance.
 */
public class ServiceStores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceStores.class);

    private static final String POOL_PREFIX = "store-";

    private final StoreProperties properties;
    private final Path dataDir;
    private final List<HikariDataSource> opened = new ArrayList<>();
    private EmbeddedDuckDb embeddedDuckDb;
    private boolean autovacuumChecked;

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
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_PREFIX + name);
        config.setMaximumPoolSize(properties.poolSize());
        if (dialect == SqlDialect.DUCKDB) {
            config.setDataSource(embeddedDuckDb().attach(duckDbFile(name), name,
                    dataSource -> migrate(service, dialect, dataSource, name)));
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
            config.addDataSourceProperty("currentSchema", name);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        opened.add(dataSource);
        if (dialect == SqlDialect.POSTGRESQL) {
            migrate(service, dialect, dataSource, name);
            warnOnceIfAutovacuumIsOff(dataSource);
        }
        return new ServiceStore(service, dialect, dataSource, JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static void migrate(String service, SqlDialect dialect, DataSource dataSource, String name) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + service)
                .schemas(dialect == SqlDialect.POSTGRESQL ? name : "main")
                .createSchemas(dialect == SqlDialect.POSTGRESQL)
                .load()
                .migrate();
    }

    /**
     * Without autovacuum, tables that grew from empty have no planner statistics, and PostgreSQL plans a lookup of a
     * few hundred keys as a scan of the whole table (500 subject ids among 480,000 facts: 82 ms scanned, 23 ms through
     * the index once analysed), and keeps every dead row version of the tables that change.
     */
    private void warnOnceIfAutovacuumIsOff(DataSource dataSource) {
        if (autovacuumChecked) {
            return;
        }
        autovacuumChecked = true;
        if (autovacuumIsOff(dataSource)) {
            log.warn("PostgreSQL runs with autovacuum = off: the stores' tables get no planner statistics and keep"
                    + " their dead rows, so lookups slow down as they grow. Turn autovacuum on, or run VACUUM ANALYZE"
                    + " regularly.");
        }
    }

    private static boolean autovacuumIsOff(DataSource dataSource) {
        return "off".equals(JdbcClient.create(dataSource).sql("SHOW autovacuum").query(String.class).single());
    }

    /**
     * The open stores that cannot answer a trivial query, by name, with the error: a stopped PostgreSQL, or an
     * embedded DuckDB instance that a fatal error invalidated (it then refuses every query until the process
     * restarts).
     */
    Map<String, String> failing() {
        List<HikariDataSource> stores;
        synchronized (this) {
            stores = List.copyOf(opened);
        }
        Map<String, String> failing = new TreeMap<>();
        for (HikariDataSource store : stores) {
            try {
                JdbcClient.create(store).sql("SELECT 1").query(Integer.class).single();
            } catch (RuntimeException e) {
                failing.put(store.getPoolName().substring(POOL_PREFIX.length()), e.getMessage());
            }
        }
        return failing;
    }

    /**
     * Bytes of memory the embedded DuckDB instance holds, per DuckDB memory tag; empty when the stores are on
     * PostgreSQL or closed.
     */
    public synchronized Map<String, Long> duckDbMemoryByTag() {
        return embeddedDuckDb == null ? Map.of() : embeddedDuckDb.memoryByTag();
    }

    /** Starts the embedded DuckDB instance if the stores are embedded and it has not started yet. */
    synchronized void startEmbedded() {
        if (properties.embedded()) {
            embeddedDuckDb();
        }
    }

    private EmbeddedDuckDb embeddedDuckDb() {
        if (embeddedDuckDb == null) {
            embeddedDuckDb = new EmbeddedDuckDb(properties, dataDir());
        }
        return embeddedDuckDb;
    }

    private Path duckDbFile(String name) {
        return dataDir().resolve(name + ".duckdb");
    }

    private Path dataDir() {
        try {
            return Files.createDirectories(dataDir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
    }

    @Override
    public synchronized void close() {
        opened.forEach(HikariDataSource::close);
        opened.clear();
        if (embeddedDuckDb != null) {
            embeddedDuckDb.close();
            embeddedDuckDb = null;
        }
    }
}
