package io.aftercart.profiles;

import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.StoreProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The profile store on an embedded DuckDB file, opened the way the service opens it. */
class DuckDbProfileStoreIT extends ProfileStoreIT {

    @TempDir
    static Path dataDir;

    private ServiceStores stores;

    @Override
    protected ServiceStore openStore() {
        stores = new ServiceStores(new StoreProperties(null, null, null, 2), dataDir);
        return stores.open("profiles");
    }

    @Override
    protected void closeStore() {
        stores.close();
    }
}
