package io.aftercart.intelligence.recommend;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.intelligence.recommend.internal.OrderLine;
import io.aftercart.intelligence.recommend.internal.OrderLines;
import io.aftercart.intelligence.recommend.internal.RecommendationStore;
import java.util.List;
import java.util.Set;

/**
 * Keeps the in-memory {@link Recommender} and the store in step: each batch of events has its order lines stored
 * (events stored before are skipped, so a replayed event is never counted twice) and only then learned; at start
 * the model is rebuilt from every stored line.
 */
public final class RecommendationRecorder {

    /** The types of the events {@link #record} reads; events of other types need not be read at all. */
    public static final Set<String> EVENT_TYPES = OrderLines.TYPES;

    private final RecommendationStore store;
    private final Recommender recommender;

    public RecommendationRecorder(RecommendationStore store, Recommender recommender) {
        this.store = store;
        this.recommender = recommender;
    }

    /** Rebuilds the model from the store; call once, before the first {@link #record}. */
    public void restore() {
        store.replay(recommender::apply);
    }

    /** Stores and learns the order lines of these events; returns how many lines were new. */
    public int record(List<CanonicalEvent> events) {
        List<OrderLine> lines = events.stream().flatMap(event -> OrderLines.of(event).stream()).toList();
        List<OrderLine> fresh = store.storeNew(lines);
        recommender.apply(fresh);
        return fresh.size();
    }
}
