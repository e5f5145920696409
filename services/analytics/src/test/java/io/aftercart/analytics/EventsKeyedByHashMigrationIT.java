package io.aftercart.analytics;

import static io.aftercart.analytics.TestEvents.T0;
import static io.aftercart.analytics.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events stored before the warehouse was keyed by hash are carried over and stay stored once, on DuckDB and on
 * PostgreSQL: the migration's SQL MD5 and the warehouse's agree.
 */
class EventsKeyedByHashMigrationIT {

    private static final List<String> STORED_BEFORE =
            List.of("0b9e8c3a-5f1d-4c61-9d1e-8f3c2a7b6e10", "ajs-next-1764155532345-2f1e", "bestellung-ünïcödé-€");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void eventsStoredByTextIdStayStoredOnceKeyedByHash(SqlDialect dialect) throws Exception {
        try (TestStore testStore = TestStore.openAfterSeeding(dialect, "analytics", dir, "6", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events"
                    + " (id, type, event_time, customer_id) VALUES (?, 'Order Completed', ?, 'c1')")) {
                for (String id : STORED_BEFORE) {
                    insert.setString(1, id);
                    insert.setTimestamp(2, Timestamp.from(T0));
                    insert.executeUpdate();
                }
            }
        })) {
            EventWarehouse warehouse = new EventWarehouse(testStore.store());
            List<CanonicalEvent> again = STORED_BEFORE.stream().map(id -> event(id, "c1", T0)).toList();

            assertThat(warehouse.storeBatch(again)).isZero();
            assertThat(warehouse.storeBatch(List.of(event("new", "c1", T0)))).isEqualTo(1);
            List<String> replayed = new ArrayList<>();
            assertThat(warehouse.replay(List.of("Order Completed"), 2, () -> { },
                    events -> events.forEach(e -> replayed.add(e.id())))).isEqualTo(4);
            assertThat(replayed).containsExactlyInAnyOrder("new", STORED_BEFORE.get(0), STORED_BEFORE.get(1),
                    STORED_BEFORE.get(2));
        }
    }
}
