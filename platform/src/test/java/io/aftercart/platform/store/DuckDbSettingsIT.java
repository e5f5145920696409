package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded, the services' databases are files of one DuckDB instance with the configured settings. */
class DuckDbSettingsIT {

    @Test
    void memoryLimitCheckpointThresholdAndThreadsAreThoseConfiguredAndInsertionOrderIsNotKept(@TempDir Path dataDir) {
        StoreProperties properties = new StoreProperties(null, null, null, 2, "300MB", "64MB", 3);
        try (ServiceStores stores = new ServiceStores(properties, dataDir)) {
            ServiceStore store = stores.open("settings");
            // DuckDB reports sizes in binary units: 300 MB = 286.1 MiB, 64 MB = 61.0 MiB
            assertThat(setting(store, "memory_limit")).isEqualTo("286.1 MiB");
            assertThat(setting(store, "checkpoint_threshold")).isEqualTo("61.0 MiB");
            assertThat(setting(store, "preserve_insertion_order")).isEqualTo("false");
            assertThat(setting(store, "threads")).isEqualTo("3");
        }
    }

    @Test
    void byDefaultDuckDbGetsHalfTheCoresAndAtLeastOne(@TempDir Path dataDir) {
        int expected = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        try (ServiceStores stores = new ServiceStores(new StoreProperties(null, null, null, 2), dataDir)) {
            assertThat(setting(stores.open("settings"), "threads")).isEqualTo(Integer.toString(expected));
        }
    }

    @Test
    void fewerThanOneThreadIsRefused() {
        assertThatThrownBy(() -> new StoreProperties(null, null, null, 2, "300MB", "64MB", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duckdb-threads");
    }

    @Test
    void servicesShareOneInstanceYetEachWritesItsOwnFile(@TempDir Path dataDir) {
        StoreProperties properties = new StoreProperties(null, null, null, 2);
        try (ServiceStores stores = new ServiceStores(properties, dataDir)) {
            // both migrate the same table names: Flyway must see each database alone
            ServiceStore first = stores.open("bulktest", "first");
            ServiceStore second = stores.open("bulktest", "second");
            first.jdbc().sql("INSERT INTO bulk_rows (id, n) VALUES ('a', 1)").update();

            assertThat(count(first)).isEqualTo(1);
            assertThat(count(second)).isZero();
            assertThat(second.jdbc().sql("SELECT database_name FROM duckdb_databases() WHERE NOT internal")
                    .query(String.class).list()).contains("first", "second");
        }
        try (ServiceStores reopened = new ServiceStores(properties, dataDir)) {
            assertThat(count(reopened.open("bulktest", "first"))).isEqualTo(1);
        }
        assertThat(dataDir.resolve("first.duckdb")).exists();
        assertThat(dataDir.resolve("second.duckdb")).exists();
    }

    @Test
    void closingTheInstanceClosesConnectionsAPoolLeftOpen(@TempDir Path dataDir) throws Exception {
        StoreProperties properties = new StoreProperties(null, null, null, 2);
        Path file = dataDir.resolve("leaky.duckdb");
        EmbeddedDuckDb first = new EmbeddedDuckDb(properties, dataDir);
        Connection leaked = first.attach(file, "leaky", dataSource -> { }).getConnection();

        first.close();

        assertThat(leaked.isClosed()).isTrue();
        try (EmbeddedDuckDb again = new EmbeddedDuckDb(properties, dataDir);
                Connection connection = again.attach(file, "leaky", dataSource -> { }).getConnection()) {
            assertThat(connection.isClosed()).isFalse();
        }
    }

    private static long count(ServiceStore store) {
        return store.jdbc().sql("SELECT count(*) FROM bulk_rows").query(Long.class).single();
    }

    private static String setting(ServiceStore store, String name) {
        return store.jdbc().sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }
}
