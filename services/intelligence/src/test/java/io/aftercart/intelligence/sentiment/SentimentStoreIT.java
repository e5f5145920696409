package io.aftercart.intelligence.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aftercart.intelligence.sentiment.SentimentStore.Granularity;
import io.aftercart.intelligence.sentiment.SentimentStore.Grouping;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sentiment tables on each store (subclasses choose the database): batch writes, redelivery, order activity,
 * and the KPI queries of {@code GET /api/v1/kpis/sentiment}, whose periods are UTC days, ISO weeks (from Monday) and
 * months on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SentimentStoreIT {

    private final SqlDialect dialect;
    private TestStore testStore;
    private ServiceStore store;
    private SentimentStore sentiment;

    protected SentimentStoreIT(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void open(@TempDir Path dataDir) {
        testStore = TestStore.open(dialect, "intelligence", dataDir);
        store = testStore.store();
        sentiment = new SentimentStore(store);
    }

    @AfterAll
    void close() {
        testStore.close();
    }

    @BeforeEach
    void empty() {
        List.of("sentiment_results", "sentiment_aspects", "sentiment_order_activity")
                .forEach(table -> store.jdbc().sql("DELETE FROM " + table).update());
    }

    @Test
    void storesEachResultOnceWhenItIsDeliveredAgain() {
        Instant t = Instant.parse("2024-05-06T10:15:30.250Z");
        SentimentResult first = review("e1", "p1", t, 0.8, true,
                aspect("delivery", 0.6, 0), aspect("price", -0.3, 1));
        List<SentimentResult> batch = List.of(first, review("e2", "p1", t, -0.4, false),
                review("e3", "p2", t, 0.0, false));

        sentiment.save(batch);
        sentiment.save(batch);
        // the same event scored differently on redelivery keeps its first result
        sentiment.save(List.of(review("e1", "p1", t, -0.9, false, aspect("delivery", -0.9, 0)),
                review("e4", "p2", t, 0.3, false)));

        assertThat(sentiment.countResults()).isEqualTo(4);
        assertThat(sentiment.scoredEventIds(List.of("e1", "e4", "e5", "e1"))).containsExactlyInAnyOrder("e1", "e4");
        assertThat(sentiment.kpis(Grouping.PRODUCT, null, null, Granularity.DAY).groups()).satisfiesExactly(
                p1 -> assertGroup(p1, "p1", 2, 0.2, 1, 0, 1),
                p2 -> assertGroup(p2, "p2", 2, 0.15, 1, 1, 0));
        assertThat(sentiment.kpis(Grouping.ASPECT, null, null, Granularity.DAY).groups()).satisfiesExactly(
                delivery -> assertGroup(delivery, "delivery", 1, 0.6, 1, 0, 0),
                price -> assertGroup(price, "price", 1, -0.3, 0, 0, 1));
        assertThat(store.jdbc().sql("SELECT event_id FROM sentiment_results WHERE service_recovery")
                .query(String.class).list()).containsExactly("e1");
        sentiment.save(List.of());
        assertThat(sentiment.countResults()).isEqualTo(4);
    }

    @Test
    void keepsTheLatestActivityOfEachOrder() {
        Instant t0 = Instant.parse("2024-03-31T00:59:59.999Z");
        Instant t1 = Instant.parse("2024-03-31T01:30:00.123Z");
        Instant t2 = Instant.parse("2024-10-27T01:30:00.456Z");

        sentiment.recordOrderActivity(Map.of("o1", t1, "o2", t0));
        sentiment.recordOrderActivity(Map.of("o1", t0, "o2", t2));
        sentiment.recordOrderActivity(Map.of());

        assertThat(sentiment.orderActivity(List.of("o1", "o2", "o3"))).isEqualTo(Map.of("o1", t1, "o2", t2));
        assertThat(sentiment.orderActivity(List.of())).isEmpty();
    }

    @Test
    void readsUtcTimesBackWhateverTheJvmTimeZone() {
        // 02:30 on 2024-03-31 does not exist on a Central European wall clock (clocks jump from 02:00 to 03:00)
        Instant inGap = Instant.parse("2024-03-31T02:30:00.500Z");
        Instant midnight = Instant.parse("2024-03-31T00:00:00Z");
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            sentiment.recordOrderActivity(Map.of("o1", inGap));
            sentiment.save(List.of(review("e1", "p1", inGap, 0.5, false)));

            assertThat(sentiment.orderActivity(List.of("o1"))).isEqualTo(Map.of("o1", inGap));
            assertThat(sentiment.kpis(Grouping.PERIOD, midnight, null, Granularity.DAY).groups())
                    .satisfiesExactly(d -> assertGroup(d, "2024-03-31T00:00:00Z", 1, 0.5, 1, 0, 0));
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void groupsByProductAndAspectWithinATimeWindow() {
        Instant from = Instant.parse("2024-01-10T00:00:00Z");
        Instant to = Instant.parse("2024-01-20T00:00:00Z");
        sentiment.save(List.of(
                review("before", "p1", from.minusMillis(1), 0.9, false, aspect("delivery", 0.9, 0)),
                review("at-from", "p1", from, 0.8, false, aspect("delivery", 0.5, 0), aspect("price", 0.02, 1)),
                review("inside", "p1", from.plusSeconds(3600), -0.6, false, aspect("delivery", -0.7, 0)),
                review("other", "p2", to.minusMillis(1), 0.01, false),
                ticket("ticket", to.minusSeconds(60), -0.5),
                review("at-to", "p2", to, -0.9, false, aspect("price", -0.9, 0))));

        SentimentKpis byProduct = sentiment.kpis(Grouping.PRODUCT, from, to, Granularity.DAY);
        assertThat(byProduct.by()).isEqualTo("product");
        assertThat(byProduct.granularity()).isNull();
        assertThat(byProduct.groups()).satisfiesExactly(
                p1 -> assertGroup(p1, "p1", 2, 0.1, 1, 0, 1),
                p2 -> assertGroup(p2, "p2", 1, 0.01, 0, 1, 0));
        assertThat(sentiment.kpis(Grouping.ASPECT, from, to, Granularity.DAY).groups()).satisfiesExactly(
                delivery -> assertGroup(delivery, "delivery", 2, -0.1, 1, 0, 1),
                price -> assertGroup(price, "price", 1, 0.02, 0, 1, 0));
        assertThat(sentiment.kpis(Grouping.PRODUCT, to, null, Granularity.DAY).groups()).satisfiesExactly(
                p2 -> assertGroup(p2, "p2", 1, -0.9, 0, 0, 1));
        assertThat(sentiment.kpis(Grouping.PRODUCT, null, from, Granularity.DAY).groups()).satisfiesExactly(
                p1 -> assertGroup(p1, "p1", 1, 0.9, 1, 0, 0));
    }

    @Test
    void ordersProductsAndAspectsByCodePointWhateverTheDatabaseCollation() {
        // PostgreSQL databases are often created with a linguistic collation (en_US.UTF-8), which sorts text
        // ignoring case and punctuation first; DuckDB sorts by code point
        String[] columns = {"sentiment_results.product_id", "sentiment_aspects.aspect"};
        collate(columns, "\"und-x-icu\"");
        try {
            Instant t = Instant.parse("2024-05-06T10:00:00Z");
            sentiment.save(List.of(review("e1", "p1", t, 0.1, false, aspect("value", 0.1, 0)),
                    review("e2", "P2", t, 0.1, false, aspect("Value", 0.1, 0)),
                    review("e3", "p-10", t, 0.1, false, aspect("value_for_money", 0.1, 0)),
                    review("e4", "p_3", t, 0.1, false)));

            assertThat(sentiment.kpis(Grouping.PRODUCT, null, null, Granularity.DAY).groups())
                    .extracting(SentimentKpi::key).containsExactly("P2", "p-10", "p1", "p_3");
            assertThat(sentiment.kpis(Grouping.ASPECT, null, null, Granularity.DAY).groups())
                    .extracting(SentimentKpi::key).containsExactly("Value", "value", "value_for_money");
        } finally {
            collate(columns, "\"default\"");
        }
    }

    /** On PostgreSQL, gives the columns another collation (DuckDB has no linguistic ones without ICU). */
    private void collate(String[] tableColumns, String collation) {
        if (dialect == SqlDialect.POSTGRESQL) {
            for (String tableColumn : tableColumns) {
                String[] parts = tableColumn.split("\\.");
                store.jdbc().sql("ALTER TABLE " + parts[0] + " ALTER COLUMN " + parts[1] + " TYPE VARCHAR COLLATE "
                        + collation).update();
            }
        }
    }

    @Test
    void groupsByUtcDayIsoWeekAndMonth() {
        sentiment.save(List.of(
                review("thu", "p1", Instant.parse("2024-02-29T23:59:59.999Z"), 0.5, false),
                review("sun", "p1", Instant.parse("2024-03-03T23:30:00Z"), -0.5, false),
                ticket("mon-early", Instant.parse("2024-03-04T00:00:00Z"), 0.25),
                review("mon-noon", "p2", Instant.parse("2024-03-04T12:00:00Z"), 0.0, false)));

        SentimentKpis days = sentiment.kpis(Grouping.PERIOD, null, null, Granularity.DAY);
        assertThat(days.by()).isEqualTo("period");
        assertThat(days.granularity()).isEqualTo("day");
        assertThat(days.groups()).satisfiesExactly(
                d -> assertGroup(d, "2024-02-29T00:00:00Z", 1, 0.5, 1, 0, 0),
                d -> assertGroup(d, "2024-03-03T00:00:00Z", 1, -0.5, 0, 0, 1),
                d -> assertGroup(d, "2024-03-04T00:00:00Z", 2, 0.125, 1, 1, 0));
        assertThat(sentiment.kpis(Grouping.PERIOD, null, null, Granularity.WEEK).groups()).satisfiesExactly(
                w -> assertGroup(w, "2024-02-26T00:00:00Z", 2, 0.0, 1, 0, 1),
                w -> assertGroup(w, "2024-03-04T00:00:00Z", 2, 0.125, 1, 1, 0));
        assertThat(sentiment.kpis(Grouping.PERIOD, null, null, Granularity.MONTH).groups()).satisfiesExactly(
                m -> assertGroup(m, "2024-02-01T00:00:00Z", 1, 0.5, 1, 0, 0),
                m -> assertGroup(m, "2024-03-01T00:00:00Z", 3, -0.25 / 3, 1, 1, 1));
        assertThat(sentiment.kpis(Grouping.PERIOD, Instant.parse("2024-03-04T00:00:00Z"), null, Granularity.MONTH)
                .groups()).satisfiesExactly(m -> assertGroup(m, "2024-03-01T00:00:00Z", 2, 0.125, 1, 1, 0));
    }

    @Test
    void storesALargePollInOneGo() {
        Instant t0 = Instant.parse("2024-06-01T00:00:00Z");
        List<SentimentResult> poll = IntStream.range(0, 10_000).mapToObj(i -> review("bulk-" + i, "p" + (i % 100),
                t0.plusSeconds(i * 60L), i % 2 == 0 ? 0.5 : -0.5, false,
                aspect("delivery", 0.4, 0), aspect("quality", -0.4, 1))).toList();

        sentiment.save(poll);
        sentiment.save(poll.subList(0, 5_000));

        assertThat(sentiment.countResults()).isEqualTo(10_000);
        assertThat(sentiment.scoredEventIds(poll.stream().map(SentimentResult::eventId).toList())).hasSize(10_000);
        assertThat(sentiment.kpis(Grouping.ASPECT, null, null, Granularity.DAY).groups()).satisfiesExactly(
                delivery -> assertGroup(delivery, "delivery", 10_000, 0.4, 10_000, 0, 0),
                quality -> assertGroup(quality, "quality", 10_000, -0.4, 0, 0, 10_000));
        // 10,000 minutes from June 1st: June 1st to 7th
        assertThat(sentiment.kpis(Grouping.PERIOD, null, null, Granularity.DAY).groups()).hasSize(7)
                .extracting(SentimentKpi::count).containsExactly(1440L, 1440L, 1440L, 1440L, 1440L, 1440L, 1360L);
    }

    private static void assertGroup(SentimentKpi group, String key, long count, double meanCompound, long positive,
            long neutral, long negative) {
        assertThat(group.key()).isEqualTo(key);
        assertThat(group.count()).isEqualTo(count);
        assertThat(group.meanCompound()).isCloseTo(meanCompound, within(1e-9));
        assertThat(List.of(group.positive(), group.neutral(), group.negative()))
                .as(key).containsExactly(positive, neutral, negative);
    }

    private static AspectSentiment aspect(String aspect, double compound, int sentence) {
        return new AspectSentiment(aspect, compound, SentimentLabel.of(compound), sentence);
    }

    private static SentimentResult review(String eventId, String productId, Instant time, double compound,
            boolean serviceRecovery, AspectSentiment... aspects) {
        return result(eventId, SourceType.REVIEW, productId, time, compound, serviceRecovery, aspects);
    }

    private static SentimentResult ticket(String eventId, Instant time, double compound) {
        return result(eventId, SourceType.SUPPORT_TICKET, null, time, compound, false);
    }

    private static SentimentResult result(String eventId, SourceType type, String productId, Instant time,
            double compound, boolean serviceRecovery, AspectSentiment... aspects) {
        double pos = Math.max(0, compound);
        double neg = Math.max(0, -compound);
        return new SentimentResult(eventId, "c-" + eventId, type, productId, "o-" + eventId, null, time, compound,
                SentimentLabel.of(compound), pos, 1 - pos - neg, neg, List.of(aspects),
                serviceRecovery);
    }
}
