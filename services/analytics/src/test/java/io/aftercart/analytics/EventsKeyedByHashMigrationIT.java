package io.aftercart.analytics;

import static io.aftercart.analytics.TestEvents.T0;
import static io.aftercart.analytics.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.store.StoreProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events stored before the warehouse was keyed by hash are carried over and stay stored once, on DuckDB and on
 * PostgreSQL (127.0.0.1:5432, database test): the migration's SQL MD5 and the warehouse's agree.
 */
class EventsKeyedByHashMigrationIT {

    private static final String POSTGRES_URL =
            System.getProperty("aftercart.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final List<String> STORED_BEFORE =
            List.of("0b9e8c3a-5f1d-4c61-9d1e-8f3c2a7b6e10", "ajs-next-1764155532345-2f1e", "bestellung-ünïcödé-€");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void eventsStoredByTextIdStayStoredOnceKeyedByHash(SqlDialect dialect) throws Exception {
        String schema = "analytics_it_" + UUID.randomUUID().toString().replace("-", "");
        String url = dialect == SqlDialect.DUCKDB ? "jdbc:duckdb:" + dir.resolve(schema + ".duckdb") : POSTGRES_URL;
        String user = dialect == SqlDialect.DUCKDB ? null : "postgres";
        Flyway.configure().dataSource(url, user, null).locations("classpath:db/migration/analytics")
                .schemas(dialect == SqlDialect.DUCKDB ? "main" : schema).createSchemas(dialect != SqlDialect.DUCKDB)
                .target("6").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, null);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                        + (dialect == SqlDialect.DUCKDB ? "" : schema + ".")
                        + "events (id, type, event_time, customer_id) VALUES (?, 'Order Completed', ?, 'c1')")) {
            for (String id : STORED_BEFORE) {
                insert.setString(1, id);
                insert.setTimestamp(2, Timestamp.from(T0));
                insert.executeUpdate();
            }
        }

        StoreProperties properties = dialect == SqlDialect.DUCKDB ? new StoreProperties(null, null, null, 2)
                : new StoreProperties(POSTGRES_URL, "postgres", null, 2);
        try (ServiceStores stores = new ServiceStores(properties, dir)) {
            ServiceStore store = stores.open("analytics", schema);
            try {
                EventWarehouse warehouse = new EventWarehouse(store);
                List<CanonicalEvent> again = STORED_BEFORE.stream().map(id -> event(id, "c1", T0)).toList();

                assertThat(warehouse.storeBatch(again)).isZero();
                assertThat(warehouse.storeBatch(List.of(event("new", "c1", T0)))).isEqualTo(1);
                List<String> replayed = new ArrayList<>();
                assertThat(warehouse.replay(List.of("Order Completed"), 2, () -> { },
                        events -> events.forEach(e -> replayed.add(e.id())))).isEqualTo(4);
                assertThat(replayed).containsExactlyInAnyOrder("new", STORED_BEFORE.get(0), STORED_BEFORE.get(1),
                        STORED_BEFORE.get(2));
            } finally {
                if (dialect == SqlDialect.POSTGRESQL) {
                    store.jdbc().sql("DROP SCHEMA " + schema + " CASCADE").update();
                }
            }
        }
    }
}
