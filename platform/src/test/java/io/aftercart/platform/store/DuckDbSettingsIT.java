package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB settings of the store configuration reach every connection of a service's database. */
class DuckDbSettingsIT {

    @Test
    void memoryLimitAndCheckpointThresholdAreThoseConfigured(@TempDir Path dataDir) {
        StoreProperties properties = new StoreProperties(null, null, null, 2, "300MB", "64MB");
        try (ServiceStores stores = new ServiceStores(properties, dataDir)) {
            ServiceStore store = stores.open("settings");
            // DuckDB reports sizes in binary units: 300 MB = 286.1 MiB, 64 MB = 61.0 MiB
            assertThat(setting(store, "memory_limit")).isEqualTo("286.1 MiB");
            assertThat(setting(store, "checkpoint_threshold")).isEqualTo("61.0 MiB");
        }
    }

    private static String setting(ServiceStore store, String name) {
        return store.jdbc().sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }
}
