package io.aftercart.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The all-time rollups are filled from the rollups stored before they existed, on DuckDB and on PostgreSQL. */
class AllTimeRollupsMigrationIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void sumsTheYearlyProductRowsAndTheGapsOfTheFirstAndSecondOrderDays(SqlDialect dialect) throws Exception {
        try (TestStore testStore = TestStore.openAfterSeeding(dialect, "analytics", dir, "7", connection -> {
            try (Statement insert = connection.createStatement()) {
                insert.executeUpdate("INSERT INTO kpi_product_year VALUES ('mug', 'home', 2024, 3, 30, 1, 10),"
                        + " ('mug', 'home', 2025, 2, 20, 0, 0), ('mug', 'gifts', 2025, 1, 12.5, 1, 12.5),"
                        + " ('shirt', 'apparel', 2025, 4, 80, 2, 40)");
                insert.executeUpdate("INSERT INTO kpi_acquisition VALUES (100, 2147483647, 5), (100, 100, 2),"
                        + " (100, 130, 1), (101, 131, 3), (102, 2147483647, 4)");
            }
        })) {
            ServiceStore store = testStore.store();
            assertThat(store.jdbc().sql("SELECT product_id || '/' || category || ' ' || items_sold || ' '"
                            + " || CAST(items_sold_value AS DECIMAL(10, 2)) || ' ' || items_returned || ' '"
                            + " || CAST(items_returned_value AS DECIMAL(10, 2)) FROM kpi_product_total"
                            + " ORDER BY product_id, category")
                    .query(String.class).list())
                    .containsExactly("mug/gifts 1 12.50 1 12.50", "mug/home 5 50.00 1 10.00",
                            "shirt/apparel 4 80.00 2 40.00");
            assertThat(store.jdbc().sql("SELECT gap, customers FROM kpi_repeat_gap ORDER BY gap").query()
                    .listOfRows()).extracting(row -> ((Number) row.get("gap")).intValue() + ":"
                            + ((Number) row.get("customers")).longValue())
                    .containsExactly("-1:9", "0:2", "30:4");
            assertThat(new KpiQueries(store, new CurrencyConverter("GBP", Map.of())).repeatPurchase(KpiRange.all())
                    .repeatRate()).isEqualByComparingTo(new BigDecimal("0.4"));
        }
    }
}
