package io.aftercart.platform.testing;

import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.store.StoreProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A service's store for store tests, opened the way the service opens it and migrated with its scripts: an embedded
 * DuckDB file {@code <dataDir>/<service>.duckdb}, or a PostgreSQL schema of its own per instance (so parallel runs
 * do not collide) that {@link #close()} drops. PostgreSQL is the one at 127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, unless {@code -Daftercart.test.postgres.url} names another.
 */
public final class TestStore implements AutoCloseable {

    private final String service;
    private final String name;
    private final StoreProperties properties;
    private final Path dataDir;
    private ServiceStores stores;
    private ServiceStore store;

    private TestStore(SqlDialect dialect, String service, Path dataDir) {
        this.service = service;
        this.dataDir = dataDir;
        if (dialect == SqlDialect.DUCKDB) {
            this.name = service;
            this.properties = new StoreProperties(null, null, null, 2);
        } else {
            this.name = service + "_it_" + UUID.randomUUID().toString().replace("-", "");
            this.properties = new StoreProperties(System.getProperty("aftercart.test.postgres.url",
                    "jdbc:postgresql://127.0.0.1:5432/test"), "postgres", null, 2);
        }
    }

    /** Opens {@code service}'s store on {@code dialect}; {@code dataDir} holds the DuckDB file. */
    public static TestStore open(SqlDialect dialect, String service, Path dataDir) {
        TestStore testStore = new TestStore(dialect, service, dataDir);
        testStore.reopen();
        return testStore;
    }

    /**
     * Opens {@code service}'s store after seeding it at an earlier schema version: migrates it up to
     * {@code version}, lets {@code seed} write through a plain connection (tables need no schema name), then opens it
     * as {@link #open} does, which runs the later migrations. Tests of a migration that carries data over use it.
     */
    public static TestStore openAfterSeeding(SqlDialect dialect, String service, Path dataDir, String version,
            Seed seed) throws SQLException {
        TestStore testStore = new TestStore(dialect, service, dataDir);
        testStore.seedAt(version, seed);
        testStore.reopen();
        return testStore;
    }

    /** Writes rows at an earlier schema version. */
    @FunctionalInterface
    public interface Seed {
        void accept(Connection connection) throws SQLException;
    }

    public ServiceStore store() {
        return store;
    }

    /** Closes the connections and opens the same data again, as a restarted service does. */
    public ServiceStore reopen() {
        if (stores != null) {
            stores.close();
        }
        stores = new ServiceStores(properties, dataDir);
        store = stores.open(service, name);
        return store;
    }

    private void seedAt(String version, Seed seed) throws SQLException {
        boolean duckDb = properties.embedded();
        String url = duckDb ? "jdbc:duckdb:" + dataDir.toAbsolutePath().resolve(name + ".duckdb") : properties.url();
        Flyway.configure().dataSource(url, properties.username(), null).locations("classpath:db/migration/" + service)
                .schemas(duckDb ? "main" : name).createSchemas(!duckDb).target(version).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, properties.username(), null)) {
            if (!duckDb) {
                connection.setSchema(name);
            }
            seed.accept(connection);
        }
    }

    @Override
    public void close() {
        if (store.dialect() == SqlDialect.POSTGRESQL) {
            store.jdbc().sql("DROP SCHEMA " + name + " CASCADE").update();
        }
        stores.close();
    }
}
