package io.aftercart.intelligence.recommend.internal;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.ServiceStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The order lines the recommendation model learned ({@code recommend_order_lines}). */
public final class RecommendationStore {

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
        List<OrderLine> candidates = new ArrayList<>(lines.size());
        Set<String> firstSeen = new HashSet<>();
        OrderLine previous = null;
        boolean repeat = false;
        for (OrderLine line : lines) {
            // an event's lines come in rising line order, so a repeat right after the event starts anew
            if (previous == null || !line.eventId().equals(previous.eventId())
                    || line.lineIndex() <= previous.lineIndex()) {
                repeat = !firstSeen.add(line.eventId()); // the same event again later in this poll
            }
            previous = line;
            if (!repeat) {
                candidates.add(line);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // the insert skips the lines of events stored before and names the events whose lines it stored
        Set<String> stored = new HashSet<>(store.transactions().execute(status -> LINES.writeReturning(store,
                candidates.stream().map(RecommendationStore::row).toList(), "event_id")));
        return candidates.stream().filter(line -> stored.contains(line.eventId())).toList();
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

    private static Object[] row(OrderLine line) {
        return new Object[] {line.eventId(), line.lineIndex(), line.kind().name(), line.customerId(), line.orderId(),
                line.productId(), line.name(), line.category(), line.quantity(), line.time()};
    }
}
