package io.aftercart.analytics.kpi;

import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.StoreProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The rollups on an embedded DuckDB file, opened (and reopened) the way the service opens it. */
class DuckDbKpiRollupsIT extends KpiRollupsStoreIT {

    @TempDir
    static Path dataDir;

    private ServiceStores stores;

    @Override
    protected ServiceStore openStore() {
        stores = new ServiceStores(new StoreProperties(null, null, null, 2), dataDir);
        return stores.open("analytics");
    }

    @Override
    protected ServiceStore reopenStore() {
        stores.close();
        return openStore();
    }

    @Override
    protected void closeStore() {
        stores.close();
    }
}
