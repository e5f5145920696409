package io.aftercart.profiles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Facts stored before they were keyed by hash are carried over, found by event id and stored once, on DuckDB and on
 * PostgreSQL: the migration's SQL MD5 and the repository's agree.
 */
class FactsKeyedByHashMigrationIT {

    private static final List<String> STORED_BEFORE =
            List.of("0b9e8c3a-5f1d-4c61-9d1e-8f3c2a7b6e10", "ajs-next-1764155532345-2f1e", "bestellung-ünïcödé-€");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void factsStoredByTextIdStayStoredOnceKeyedByHash(SqlDialect dialect) throws Exception {
        try (TestStore testStore = TestStore.openAfterSeeding(dialect, "profiles", dir, "3", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO facts (event_id, subject_id,"
                    + " anonymous, event_time, type) VALUES (?, 'c1', false, ?, 'Order Completed')")) {
                for (String id : STORED_BEFORE) {
                    insert.setString(1, id);
                    insert.setTimestamp(2, Timestamp.from(T0));
                    insert.executeUpdate();
                }
            }
        })) {
            FactRepository facts = new FactRepository(testStore.store());

            assertThat(facts.factsById(List.of(STORED_BEFORE.get(2), "unknown", STORED_BEFORE.get(0))))
                    .extracting(Fact::eventId).containsExactlyInAnyOrder(STORED_BEFORE.get(2), STORED_BEFORE.get(0));
            assertThat(facts.insertNew(List.of(fact(STORED_BEFORE.get(1)), fact("new"))))
                    .extracting(Fact::eventId).containsExactly("new");
            assertThat(facts.factsOf(List.of("c1"))).hasSize(4);
        }
    }

    private static Fact fact(String eventId) {
        return new Fact(eventId, "c1", false, T0, "Order Completed", null, null, null, null, null, null, null, null,
                null);
    }
}
