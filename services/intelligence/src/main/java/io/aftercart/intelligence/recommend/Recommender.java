package io.aftercart.intelligence.recommend;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.intelligence.recommend.internal.OrderLine;
import io.aftercart.intelligence.recommend.internal.OrderLines;
import io.aftercart.intelligence.recommend.internal.PurchaseGraph;
import io.aftercart.intelligence.recommend.internal.RecommendationRanker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The live recommendation model, in memory: order lines go in, ranked products with reasons come out. Many readers
 * answer at once; a write waits for them and blocks them for as long as it takes to apply its lines.
 */
public final class Recommender {

    private final PurchaseGraph graph = new PurchaseGraph();
    private final RecommendationRanker ranker = new RecommendationRanker(graph);
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Learns the order lines of these events (no duplicate check: see {@link RecommendationRecorder}). */
    public void absorb(List<CanonicalEvent> events) {
        apply(events.stream().flatMap(event -> OrderLines.of(event).stream()).toList());
    }

    void apply(List<OrderLine> lines) {
        lock.writeLock().lock();
        try {
            lines.forEach(graph::apply);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Up to {@code limit} products for this customer, never one the customer returned; with {@code newOnly}, none
     * the customer bought before. A customer without purchases gets popular products ({@code coldStart}).
     */
    public CustomerRecommendations forCustomer(String customerId, int limit, boolean newOnly) {
        lock.readLock().lock();
        try {
            return ranker.forCustomer(customerId, limit, newOnly);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code limit} products bought with this one, then popular ones of its category; empty if unknown. */
    public Optional<List<Recommendation>> related(String productId, int limit) {
        lock.readLock().lock();
        try {
            return ranker.related(productId, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How much the model has learned: order lines, customers and products. */
    public ModelSize size() {
        lock.readLock().lock();
        try {
            return new ModelSize(graph.lineCount(), graph.customerCount(), graph.products());
        } finally {
            lock.readLock().unlock();
        }
    }

    public record ModelSize(long orderLines, int customers, int products) {
    }
}
