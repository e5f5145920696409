package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health is UP while every open store answers, and DOWN naming the one that does not. */
class StoresHealthIndicatorIT {

    @Test
    void downNamingTheStoreThatCannotAnswer(@TempDir Path dataDir) {
        try (ServiceStores stores = new ServiceStores(new StoreProperties(null, null, null, 2), dataDir)) {
            stores.open("bulktest", "healthy");
            ServiceStore broken = stores.open("bulktest", "broken");
            StoresHealthIndicator indicator = new StoresHealthIndicator(stores);
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);

            ((HikariDataSource) broken.dataSource()).close();

            Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsOnlyKeys("broken");
        }
    }
}
