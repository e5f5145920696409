package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercart.platform.testing.TestStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataAccessException;

/** The same assertions on DuckDB and on PostgreSQL (127.0.0.1:5432, database test). */
class BulkInsertIT {

    private static final BulkInsert INSERT = new BulkInsert("bulk_rows", List.of(
            new BulkInsert.Column("id", "TEXT"), new BulkInsert.Column("happened_at", "TIMESTAMPTZ"),
            new BulkInsert.Column("amount", "DECIMAL(18, 4)"), new BulkInsert.Column("n", "BIGINT"),
            new BulkInsert.Column("note", "TEXT")), "ON CONFLICT (id) DO NOTHING");
    private static final BulkInsert ADD_TOTALS = new BulkInsert("bulk_totals", List.of(
            new BulkInsert.Column("day", "DATE"), new BulkInsert.Column("product", "TEXT"),
            new BulkInsert.Column("units", "BIGINT"), new BulkInsert.Column("revenue", "DECIMAL(18, 6)"),
            new BulkInsert.Column("last_seen", "TIMESTAMP"), new BulkInsert.Column("body", "JSON")),
            "ON CONFLICT (day, product) DO UPDATE SET units = bulk_totals.units + EXCLUDED.units,"
                    + " revenue = bulk_totals.revenue + EXCLUDED.revenue,"
                    + " last_seen = GREATEST(bulk_totals.last_seen, EXCLUDED.last_seen), body = EXCLUDED.body");

    @TempDir
    Path dir;
    private TestStore testStore;
    private ServiceStore store;

    @AfterEach
    void close() {
        testStore.close();
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
        assertThat(store.jdbc().sql("SELECT happened_at FROM bulk_rows WHERE id = 'id-7'").query(Timestamp.class)
                .single().toInstant()).isEqualTo(at);
        assertThat(new BigDecimal(row.get("amount").toString())).isEqualByComparingTo("12.34");
        assertThat(((Number) row.get("n")).longValue()).isEqualTo(7L);
        assertThat(row.get("note")).isEqualTo("x");
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void returnsTheKeysOfOnlyTheRowsItInserted(SqlDialect dialect) {
        open(dialect);
        Instant at = Instant.parse("2026-03-01T10:15:30Z");
        List<Object[]> first = List.of(new Object[] {"a", at, null, 1L, null}, new Object[] {"b", at, null, 2L, null});
        List<Object[]> second = List.of(new Object[] {"b", at, null, 2L, null}, new Object[] {"c", at, null, 3L, null});

        assertThat(INSERT.writeReturning(store, first, "id")).containsExactlyInAnyOrder("a", "b");
        assertThat(INSERT.writeReturning(store, second, "id")).containsExactly("c");
        assertThat(INSERT.writeReturning(store, List.of(), "id")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void newRowsOnlySkipsStoredAndRepeatedKeys(SqlDialect dialect) {
        open(dialect);
        BulkInsert newRows = BulkInsert.newRowsOnly("bulk_rows", List.of(new BulkInsert.Column("id", "TEXT"),
                new BulkInsert.Column("n", "BIGINT")), "id");
        assertThat(newRows.writeReturning(store, List.<Object[]>of(new Object[] {"a", 1L}, new Object[] {"b", 2L}),
                "id")).containsExactlyInAnyOrder("a", "b");

        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"b", 20L});
        for (int i = 0; i < 1_200; i++) { // more keys than one lookup takes
            rows.add(new Object[] {"k-" + i, (long) i});
        }
        rows.add(new Object[] {"k-7", 70L});
        assertThat(newRows.writeReturning(store, rows, "id")).hasSize(1_200).doesNotContain("b");
        assertThat(newRows.write(store, rows)).isZero();

        assertThat(store.jdbc().sql("SELECT n FROM bulk_rows WHERE id IN ('b', 'k-7') ORDER BY id")
                .query(Long.class).list()).containsExactly(2L, 7L);
        assertThat(store.jdbc().sql("SELECT count(*) FROM bulk_rows").query(Long.class).single()).isEqualTo(1_202L);
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void newRowsOnlyLooksUpUuidKeys(SqlDialect dialect) {
        open(dialect);
        BulkInsert newRows = BulkInsert.newRowsOnly("bulk_keyed", List.of(new BulkInsert.Column("k", "UUID"),
                new BulkInsert.Column("label", "TEXT")), "k");
        UUID stored = UUID.nameUUIDFromBytes("stored".getBytes(StandardCharsets.UTF_8));
        UUID fresh = UUID.nameUUIDFromBytes("fresh".getBytes(StandardCharsets.UTF_8));
        newRows.write(store, List.<Object[]>of(new Object[] {stored, "first"}));

        assertThat(newRows.writeReturning(store, List.<Object[]>of(new Object[] {stored, "again"},
                new Object[] {fresh, "new"}), "label")).containsExactly("new");
        assertThat(store.jdbc().sql("SELECT label FROM bulk_keyed ORDER BY label").query(String.class).list())
                .containsExactly("first", "new");
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void addsToExistingRowsAndStoresDatesTimesAndJson(SqlDialect dialect) {
        open(dialect);
        LocalDate day = LocalDate.of(2026, 2, 28);
        LocalDateTime early = LocalDateTime.of(2026, 2, 28, 9, 0);
        LocalDateTime late = early.plusHours(5);
        ADD_TOTALS.write(store, List.<Object[]>of(
                new Object[] {day, "p1", 2L, new BigDecimal("10.50"), late, "{\"v\": 1}"},
                new Object[] {day.plusDays(1), "p1", 1L, new BigDecimal("1.000001"), early, null}));
        ADD_TOTALS.write(store, List.<Object[]>of(
                new Object[] {day, "p1", 3L, new BigDecimal("0.25"), early, "{\"v\": 2}"}));

        var row = store.jdbc().sql("SELECT units, revenue, CAST(body AS TEXT) AS body FROM bulk_totals"
                + " WHERE day = ? AND product = 'p1'").param(day).query().singleRow();
        assertThat(((Number) row.get("units")).longValue()).isEqualTo(5L);
        assertThat(new BigDecimal(row.get("revenue").toString())).isEqualByComparingTo("10.75");
        assertThat(row.get("body").toString().replace(" ", "")).isEqualTo("{\"v\":2}");
        assertThat(store.jdbc().sql("SELECT last_seen FROM bulk_totals WHERE day = ?").param(day)
                .query(Timestamp.class).single().toLocalDateTime()).isEqualTo(late);
        assertThat(store.jdbc().sql("SELECT revenue FROM bulk_totals WHERE day = ?").param(day.plusDays(1))
                .query(BigDecimal.class).single()).isEqualByComparingTo("1.000001");
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void aFailedWriteReportsItsCauseAndLeavesNothingForTheNext(SqlDialect dialect) {
        open(dialect);
        BulkInsert plain = new BulkInsert("bulk_rows", List.of(new BulkInsert.Column("id", "TEXT"),
                new BulkInsert.Column("n", "BIGINT")), "");
        plain.write(store, List.<Object[]>of(new Object[] {"taken", 1L}));

        assertThatThrownBy(() -> plain.write(store, List.<Object[]>of(new Object[] {"fresh", 2L},
                new Object[] {"taken", 3L}))).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("taken");
        plain.write(store, List.<Object[]>of(new Object[] {"next", 4L}));

        assertThat(store.jdbc().sql("SELECT id FROM bulk_rows ORDER BY id").query(String.class).list())
                .containsExactly("next", "taken");
    }

    private void open(SqlDialect dialect) {
        testStore = TestStore.open(dialect, "bulktest", dir);
        store = testStore.store();
    }
}
