package io.aftercart.intelligence.sentiment;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.BulkInsert.Column;
import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.ServiceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sentiment tables of the intelligence store: results by event id, their aspect mentions, order activity, and
 * the KPI queries over them. Runs on DuckDB and PostgreSQL alike; writes go in batches.
 */
public class SentimentStore {

    /** How KPIs are grouped. */
    public enum Grouping { PRODUCT, ASPECT, PERIOD }

    /** Period lengths, with the {@code date_trunc} unit each maps to (never client text in SQL). */
    public enum Granularity { DAY, WEEK, MONTH }

    private static final String LABEL_COUNTS = "COUNT(*) AS n, AVG(compound) AS mean_compound,"
            + " COUNT(*) FILTER (WHERE label = 'positive') AS positive,"
            + " COUNT(*) FILTER (WHERE label = 'neutral') AS neutral,"
            + " COUNT(*) FILTER (WHERE label = 'negative') AS negative";

    private static final BulkInsert RESULTS = BulkInsert.newRowsOnly("sentiment_results", List.of(
            new Column("event_id", "VARCHAR"), new Column("customer_id", "VARCHAR"),
            new Column("source_type", "VARCHAR"), new Column("product_id", "VARCHAR"),
            new Column("order_id", "VARCHAR"), new Column("event_time", "TIMESTAMP"),
            new Column("compound", "DOUBLE"), new Column("label", "VARCHAR"), new Column("pos", "DOUBLE"),
            new Column("neu", "DOUBLE"), new Column("neg", "DOUBLE"), new Column("service_recovery", "BOOLEAN")),
            "event_id");
    private static final BulkInsert ASPECTS = new BulkInsert("sentiment_aspects", List.of(
            new Column("event_id", "VARCHAR"), new Column("aspect_index", "INTEGER"), new Column("aspect", "VARCHAR"),
            new Column("sentence", "INTEGER"), new Column("compound", "DOUBLE"), new Column("label", "VARCHAR"),
            new Column("event_time", "TIMESTAMP")),
            "ON CONFLICT (event_id, aspect_index) DO NOTHING");
    private static final BulkInsert ORDER_ACTIVITY = new BulkInsert("sentiment_order_activity", List.of(
            new Column("order_id", "VARCHAR"), new Column("last_activity", "TIMESTAMP")),
            "ON CONFLICT (order_id) DO UPDATE SET last_activity ="
                    + " GREATEST(sentiment_order_activity.last_activity, EXCLUDED.last_activity)");

    private final ServiceStore store;

    public SentimentStore(ServiceStore store) {
        this.store = store;
    }

    /** Stores results (and their aspects) in one transaction; event ids already stored are left as they are. */
    public void save(List<SentimentResult> scored) {
        if (scored.isEmpty()) {
            return;
        }
        List<Object[]> resultRows = new ArrayList<>(scored.size());
        List<Object[]> aspectRows = new ArrayList<>();
        for (SentimentResult r : scored) {
            LocalDateTime time = utc(r.time());
            resultRows.add(new Object[] {r.eventId(), r.customerId(), r.sourceType().key(), r.productId(), r.orderId(),
                    time, r.compound(), r.label().key(), r.pos(), r.neu(), r.neg(), r.serviceRecovery()});
            for (int i = 0; i < r.aspects().size(); i++) {
                AspectSentiment a = r.aspects().get(i);
                aspectRows.add(new Object[] {r.eventId(), i, a.aspect(), a.sentence(), a.compound(), a.label().key(),
                        time});
            }
        }
        store.transactions().executeWithoutResult(status -> {
            RESULTS.write(store, resultRows);
            ASPECTS.write(store, aspectRows);
        });
    }

    /** Records that each order was active at the given time (keeping the latest activity per order). */
    public void recordOrderActivity(Map<String, Instant> latestByOrder) {
        if (latestByOrder.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(latestByOrder.size());
        latestByOrder.forEach((order, time) -> rows.add(new Object[] {order, utc(time)}));
        store.transactions().executeWithoutResult(status -> ORDER_ACTIVITY.write(store, rows));
    }

    /** The latest recorded activity of each of the given orders that has any. */
    public Map<String, Instant> orderActivity(Collection<String> orderIds) {
        Map<String, Instant> activity = new HashMap<>();
        inChunks(orderIds, "SELECT order_id, last_activity FROM sentiment_order_activity", "order_id",
                row -> activity.put(row.getString(1), instant(row, "last_activity")));
        return activity;
    }

    /** Those of the given event ids that already have a stored result. */
    public Set<String> scoredEventIds(Collection<String> eventIds) {
        Set<String> known = new HashSet<>();
        inChunks(eventIds, "SELECT event_id FROM sentiment_results", "event_id", row -> known.add(row.getString(1)));
        return known;
    }

    public long countResults() {
        return store.jdbc().sql("SELECT COUNT(*) FROM sentiment_results").query(Long.class).single();
    }

    /**
     * Sentiment grouped as asked, over events whose time is in [from, to).
     *
     * @param from        inclusive lower bound, or null
     * @param to          exclusive upper bound, or null
     * @param granularity the period length when grouping by period (ignored otherwise)
     */
    public SentimentKpis kpis(Grouping by, Instant from, Instant to, Granularity granularity) {
        String key;
        String table = "sentiment_results";
        String where = " WHERE 1 = 1";
        switch (by) {
            case PRODUCT -> {
                key = "product_id";
                where += " AND product_id IS NOT NULL";
            }
            case ASPECT -> {
                key = "aspect";
                table = "sentiment_aspects";
            }
            default -> key = "date_trunc('" + granularity.name().toLowerCase(Locale.ROOT) + "', event_time)";
        }
        List<Object> params = new ArrayList<>();
        if (from != null) {
            where += " AND event_time >= ?";
            params.add(utc(from));
        }
        if (to != null) {
            where += " AND event_time < ?";
            params.add(utc(to));
        }
        String sql = "SELECT " + key + " AS k, " + LABEL_COUNTS + " FROM " + table + where + " GROUP BY " + key
                + (by == Grouping.PERIOD ? " ORDER BY k" : "");
        List<SentimentKpi> groups = store.jdbc().sql(sql).params(params).query((row, n) -> new SentimentKpi(
                by == Grouping.PERIOD ? instant(row, "k").toString()
                        : row.getString("k"),
                row.getLong("n"), row.getDouble("mean_compound"), row.getLong("positive"), row.getLong("neutral"),
                row.getLong("negative"))).list();
        if (by != Grouping.PERIOD) {
            // by code point, as DuckDB sorts: a PostgreSQL database's linguistic collation would order text otherwise
            groups = groups.stream().sorted(Comparator.comparing(SentimentKpi::key)).toList();
        }
        return new SentimentKpis(by.name().toLowerCase(Locale.ROOT), from, to,
                by == Grouping.PERIOD ? granularity.name().toLowerCase(Locale.ROOT) : null, groups);
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void inChunks(Collection<String> ids, String select, String column, RowReader reader) {
        for (List<Object> chunk : InList.chunks(new HashSet<>(ids))) {
            store.jdbc().sql(select + " WHERE " + InList.of(column, chunk)).params(chunk)
                    .query(row -> { reader.read(row); });
        }
    }

    /** Times are stored as UTC timestamps without zone, so both stores truncate periods the same way. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Read as a wall-clock time, never through the JVM's zone, where UTC times in its DST gap do not exist. */
    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
