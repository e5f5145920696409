package io.aftercart.intelligence.recommend.internal;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.ServiceStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/** The order lines the recommendation model learned ({@code recommend_order_lines}). */
public final class RecommendationStore {

    private static final int IDS_PER_QUERY = 500;
    private static final int REPLAY_CHUNK = 10_000;
    private static final BulkInsert LINES = new BulkInsert("recommend_order_lines", List.of(
            new BulkInsert.Column("event_id", "VARCHAR"), new BulkInsert.Column("line_index", "INTEGER"),
            new BulkInsert.Column("kind", "VARCHAR"), new BulkInsert.Column("customer_id", "VARCHAR"),
            new BulkInsert.Column("order_id", "VARCHAR"), new BulkInsert.Column("product_id", "VARCHAR"),
            new BulkInsert.Column("name", "VARCHAR"), new BulkInsert.Column("category", "VARCHAR"),
            new BulkInsert.Column("quantity", "INTEGER"), new BulkInsert.Column("event_time", "TIMESTAMPTZ")),
            "ON CONFLICT (event_id, line_index) DO NOTHING");

    private final ServiceStore store;

    public RecommendationStore(ServiceStore store) {
        this.store = store;
    }

    /**
     * Stores the lines of the events not stored before, in one transaction, and returns those lines: the ones the
     * model has yet to learn. Lines of an event id seen earlier in the same list are dropped too.
     */
    public List<OrderLine> storeNew(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        return store.transactions().execute(status -> {
            Set<String> known = storedEventIds(lines.stream().map(OrderLine::eventId).distinct().toList());
            List<OrderLine> fresh = new ArrayList<>();
            Set<String> firstSeen = new HashSet<>();
            OrderLine previous = null;
            for (OrderLine line : lines) {
                // an event's lines come in rising line order, so a repeat right after the event starts anew
                boolean startsEvent = previous == null || !line.eventId().equals(previous.eventId())
                        || line.lineIndex() <= previous.lineIndex();
                previous = line;
                if (known.contains(line.eventId())) {
                    continue;
                }
                if (startsEvent && !firstSeen.add(line.eventId())) {
                    known.add(line.eventId()); // the same event again later in this poll
                    continue;
                }
                fresh.add(line);
            }
            LINES.write(store, fresh.stream().map(RecommendationStore::row).toList());
            return fresh;
        });
    }

    /**
     * Hands every stored line to the consumer in chunks, in a stable order (time, event id, line). Runs in a
     * transaction with a fetch size, as only then does PostgreSQL's driver stream the rows instead of holding all.
     */
    public void replay(Consumer<List<OrderLine>> consumer) {
        List<OrderLine> chunk = new ArrayList<>(REPLAY_CHUNK);
        store.transactions().executeWithoutResult(status -> store.jdbc().sql("SELECT event_id, line_index, kind,"
                + " customer_id, order_id, product_id, name, category, quantity, event_time FROM recommend_order_lines"
                + " ORDER BY event_time, event_id, line_index").withFetchSize(REPLAY_CHUNK)
                .query(row -> {
                    chunk.add(new OrderLine(row.getString(1), row.getInt(2), OrderLine.Kind.valueOf(row.getString(3)),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            row.getString(8), row.getInt(9),
                            row.getObject(10, OffsetDateTime.class).toInstant()));
                    if (chunk.size() == REPLAY_CHUNK) {
                        consumer.accept(List.copyOf(chunk));
                        chunk.clear();
                    }
                }));
        if (!chunk.isEmpty()) {
            consumer.accept(List.copyOf(chunk));
        }
    }

    private Set<String> storedEventIds(Collection<String> eventIds) {
        Set<String> known = new HashSet<>();
        List<String> ids = new ArrayList<>(eventIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            StringJoiner placeholders = new StringJoiner(", ", "(", ")");
            chunk.forEach(id -> placeholders.add("?"));
            known.addAll(store.jdbc().sql("SELECT DISTINCT event_id FROM recommend_order_lines WHERE event_id IN "
                    + placeholders).params(chunk).query(String.class).list());
        }
        return known;
    }

    private static Object[] row(OrderLine line) {
        return new Object[] {line.eventId(), line.lineIndex(), line.kind().name(), line.customerId(), line.orderId(),
                line.productId(), line.name(), line.category(), line.quantity(), line.time()};
    }
}
