package io.aftercart.collector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The messageIds a collector stored before the dedupe window was keyed by hash stay duplicates after the upgrade, on
 * DuckDB and on PostgreSQL: the migration's SQL MD5 and {@link MessageIdIndex}'s agree.
 */
class SeenMessageKeysMigrationIT {

    private static final List<String> STORED_BEFORE =
            List.of("0b9e8c3a-5f1d-4c61-9d1e-8f3c2a7b6e10", "ajs-next-1764155532345-2f1e", "bestellung-ünïcödé-€");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void idsStoredByTextStayDuplicatesOnceKeyedByHash(SqlDialect dialect) throws Exception {
        try (TestStore testStore = TestStore.openAfterSeeding(dialect, "collector", dir, "2", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO seen_messages VALUES (?, ?)")) {
                for (String id : STORED_BEFORE) {
                    insert.setString(1, id);
                    insert.setTimestamp(2, Timestamp.from(NOW));
                    insert.executeUpdate();
                }
            }
        })) {
            ServiceStore store = testStore.store();
            MessageIdIndex index = new MessageIdIndex(store, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7),
                    1_000);

            assertThat(index.claim(List.of(STORED_BEFORE.get(0), "never-seen", STORED_BEFORE.get(1),
                    STORED_BEFORE.get(2)))).containsExactly(true, false, true, true);
            assertThat(store.jdbc().sql("SELECT count(*) FROM seen_message_keys").query(Long.class).single())
                    .isEqualTo(STORED_BEFORE.size());
        }
    }
}
