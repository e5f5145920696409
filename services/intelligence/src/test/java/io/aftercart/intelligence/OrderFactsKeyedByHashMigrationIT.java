package io.aftercart.intelligence;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.intelligence.churn.internal.ChurnStore;
import io.aftercart.intelligence.churn.internal.OrderFact;
import io.aftercart.intelligence.recommend.internal.OrderLine;
import io.aftercart.intelligence.recommend.internal.RecommendationStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Churn facts and recommendation lines stored before they were keyed by hash are carried over and stay stored once,
 * on DuckDB and on PostgreSQL: the migration's SQL MD5 and the stores' agree.
 */
class OrderFactsKeyedByHashMigrationIT {

    private static final List<String> STORED_BEFORE =
            List.of("0b9e8c3a-5f1d-4c61-9d1e-8f3c2a7b6e10", "ajs-next-1764155532345-2f1e", "bestellung-ünïcödé-€");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void factsAndLinesStoredByTextIdStayStoredOnceKeyedByHash(SqlDialect dialect) throws Exception {
        try (TestStore testStore = TestStore.openAfterSeeding(dialect, "intelligence", dir, "30", connection -> {
            try (PreparedStatement fact = connection.prepareStatement("INSERT INTO churn_order_events"
                    + " (event_id, customer_id, order_id, kind) VALUES (?, 'c1', ?, 'COMPLETED')");
                    PreparedStatement line = connection.prepareStatement("INSERT INTO recommend_order_lines"
                            + " (event_id, line_index, kind, customer_id, product_id, quantity, event_time)"
                            + " VALUES (?, ?, 'PURCHASE', 'c1', 'p1', 1, ?)")) {
                for (String id : STORED_BEFORE) {
                    fact.setString(1, id);
                    fact.setString(2, "o-" + id);
                    fact.executeUpdate();
                    for (int index = 0; index < 2; index++) {
                        line.setString(1, id);
                        line.setInt(2, index);
                        line.setTimestamp(3, Timestamp.from(T0));
                        line.executeUpdate();
                    }
                }
            }
        })) {
            ChurnStore churn = new ChurnStore(testStore.store());
            RecommendationStore recommendations = new RecommendationStore(testStore.store());
            List<String> newFacts = testStore.store().transactions().execute(status ->
                    churn.insertFacts(List.of(fact(STORED_BEFORE.get(1)), fact("new"))));

            assertThat(newFacts).containsExactly("new");
            assertThat(churn.facts(List.of("c1"))).hasSize(4);
            assertThat(recommendations.storeNew(List.of(line(STORED_BEFORE.get(2), 0), line(STORED_BEFORE.get(2), 1),
                    line("new", 0)))).extracting(OrderLine::eventId).containsExactly("new");
        }
    }

    private static OrderFact fact(String eventId) {
        return new OrderFact(eventId, "c1", "o-" + eventId, OrderFact.Kind.COMPLETED,
                LocalDate.ofInstant(T0, ZoneOffset.UTC), null, null);
    }

    private static OrderLine line(String eventId, int index) {
        return new OrderLine(eventId, index, OrderLine.Kind.PURCHASE, "c1", null, "p1", null, null, 1, T0);
    }
}
