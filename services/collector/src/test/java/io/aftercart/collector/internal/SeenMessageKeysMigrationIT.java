package io.aftercart.collector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.store.StoreProperties;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The messageIds a collector stored before the dedupe window was keyed by hash stay duplicates after the upgrade, on
 * DuckDB and on PostgreSQL (127.0.0.1:5432, database test): the migration's SQL MD5 and {@link MessageIdIndex}'s agree.
 */
class SeenMessageKeysMigrationIT {

    private static final String POSTGRES_URL =
            System.getProperty("aftercart.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final List<String> STORED_BEFORE =
            List.of("0b9e8c3a-5f1d-4c61-9d1e-8f3c2a7b6e10", "ajs-next-1764155532345-2f1e", "bestellung-ünïcödé-€");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void idsStoredByTextStayDuplicatesOnceKeyedByHash(SqlDialect dialect) throws Exception {
        String schema = "collector_it_" + UUID.randomUUID().toString().replace("-", "");
        String url = dialect == SqlDialect.DUCKDB ? "jdbc:duckdb:" + dir.resolve(schema + ".duckdb") : POSTGRES_URL;
        String user = dialect == SqlDialect.DUCKDB ? null : "postgres";
        Flyway.configure().dataSource(url, user, null).locations("classpath:db/migration/collector")
                .schemas(dialect == SqlDialect.DUCKDB ? "main" : schema).createSchemas(dialect != SqlDialect.DUCKDB)
                .target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, null);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                        + (dialect == SqlDialect.DUCKDB ? "" : schema + ".") + "seen_messages VALUES (?, ?)")) {
            for (String id : STORED_BEFORE) {
                insert.setString(1, id);
                insert.setTimestamp(2, Timestamp.from(NOW));
                insert.executeUpdate();
            }
        }

        StoreProperties properties = dialect == SqlDialect.DUCKDB ? new StoreProperties(null, null, null, 2)
                : new StoreProperties(POSTGRES_URL, "postgres", null, 2);
        try (ServiceStores stores = new ServiceStores(properties, dir)) {
            ServiceStore store = stores.open("collector", schema);
            try {
                MessageIdIndex index = new MessageIdIndex(store, Clock.fixed(NOW, ZoneOffset.UTC),
                        Duration.ofDays(7), 1_000);

                assertThat(index.claim(List.of(STORED_BEFORE.get(0), "never-seen", STORED_BEFORE.get(1),
                        STORED_BEFORE.get(2)))).containsExactly(true, false, true, true);
                assertThat(store.jdbc().sql("SELECT count(*) FROM seen_message_keys").query(Long.class).single())
                        .isEqualTo(STORED_BEFORE.size());
            } finally {
                if (dialect == SqlDialect.POSTGRESQL) {
                    store.jdbc().sql("DROP SCHEMA " + schema + " CASCADE").update();
                }
            }
        }
    }
}
