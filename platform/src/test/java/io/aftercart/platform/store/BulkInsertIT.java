package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same assertions on DuckDB and on PostgreSQL (127.0.0.1:5432, database test). */
class BulkInsertIT {

    private static final BulkInsert INSERT = new BulkInsert("bulk_rows", List.of(
            new BulkInsert.Column("id", "TEXT"), new BulkInsert.Column("happened_at", "TIMESTAMPTZ"),
            new BulkInsert.Column("amount", "DECIMAL(18, 4)"), new BulkInsert.Column("n", "BIGINT"),
            new BulkInsert.Column("note", "TEXT")), "ON CONFLICT (id) DO NOTHING");

    @TempDir
    Path dir;
    private final String schema = "bulktest_" + UUID.randomUUID().toString().replace("-", "");
    private ServiceStores stores;
    private ServiceStore store;

    @AfterEach
    void close() {
        if (store != null && store.dialect() == SqlDialect.POSTGRESQL) {
            store.jdbc().sql("DROP SCHEMA " + schema + " CASCADE").update();
        }
        stores.close();
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void writesNewRowsOnceAndKeepsTheirValues(SqlDialect dialect) {
        open(dialect);
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(new Object[] {"id-" + i, at, new BigDecimal("12.3400"), (long) i, i % 2 == 0 ? null : "x"});
        }

        assertThat(INSERT.write(store, rows)).isEqualTo(5_000);
        assertThat(INSERT.write(store, rows.subList(0, 10))).isZero();

        assertThat(store.jdbc().sql("SELECT count(*) FROM bulk_rows").query(Long.class).single()).isEqualTo(5_000L);
        var row = store.jdbc().sql("SELECT amount, n, note FROM bulk_rows WHERE id = 'id-7'").query().singleRow();
        assertThat(store.jdbc().sql("SELECT happened_at FROM bulk_rows WHERE id = 'id-7'").query(Timestamp.class).single()
                .toInstant()).isEqualTo(at);
        assertThat(new BigDecimal(row.get("amount").toString())).isEqualByComparingTo("12.34");
        assertThat(((Number) row.get("n")).longValue()).isEqualTo(7L);
        assertThat(row.get("note")).isEqualTo("x");
    }

    private void open(SqlDialect dialect) {
        StoreProperties properties = dialect == SqlDialect.DUCKDB
                ? new StoreProperties(null, null, null, 2)
                : new StoreProperties("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null, 2);
        stores = new ServiceStores(properties, dir);
        store = stores.open("bulktest", schema);
    }
}
