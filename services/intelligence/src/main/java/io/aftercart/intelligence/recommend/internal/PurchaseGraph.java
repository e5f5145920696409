package io.aftercart.intelligence.recommend.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recommendation model's state, learned one order line at a time: products, customers' histories and the
 * co-occurrence of kept products across customers. A purchase makes a product "kept" by its customer unless the
 * customer returned it; a return takes it out again for good. The state depends only on which lines were applied,
 * not on their order, so a replay from the store rebuilds exactly what the live stream built. Not thread-safe: the
 * caller serialises writes against reads.
 */
public final class PurchaseGraph {

    private final Map<String, ProductStats> productsById = new HashMap<>();
    private final List<ProductStats> products = new ArrayList<>();
    private final Map<String, CustomerHistory> customers = new HashMap<>();
    private final CooccurrenceMatrix cooccurrence = new CooccurrenceMatrix();
    private long lines;
    private long keptVersion;
    private volatile PopularityOrder popularity = new PopularityOrder(-1, new int[0]);

    public void apply(OrderLine line) {
        ProductStats product = product(line.productId());
        product.describe(line.name(), line.category(), line.time());
        CustomerHistory customer = customers.computeIfAbsent(line.customerId(), id -> new CustomerHistory());
        int day = (int) line.time().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        lines++;
        boolean keptBefore = customer.kept(product.index);
        if (line.kind() == OrderLine.Kind.PURCHASE) {
            PurchaseDays days = customer.bought.computeIfAbsent(product.index, i -> new PurchaseDays());
            PurchaseDays.Insertion insertion = days.add(day);
            if (insertion != null) {
                product.recordDays(insertion, days.count());
            }
            customer.purchasedOn(day);
            customer.firstOrderLine(line.orderId(), line.time(), line.category());
        } else {
            customer.returnedProduct(product.index);
            product.returns++;
        }
        boolean keptNow = customer.kept(product.index);
        if (keptNow != keptBefore) {
            int delta = keptNow ? 1 : -1;
            product.keptBy += delta;
            keptVersion++;
            for (int other : customer.bought.keySet()) {
                if (other != product.index && customer.kept(other)) {
                    cooccurrence.add(product.index, other, delta);
                }
            }
        }
    }

    private ProductStats product(String id) {
        ProductStats known = productsById.get(id);
        if (known != null) {
            return known;
        }
        ProductStats created = new ProductStats(id, products.size());
        products.add(created);
        productsById.put(id, created);
        return created;
    }

    /** Product indices, most kept first (ties by product id); cached until a product's count changes. */
    int[] byPopularity() {
        PopularityOrder current = popularity;
        if (current.version() != keptVersion) {
            int[] order = products.stream()
                    .sorted(Comparator.comparingInt((ProductStats p) -> -p.keptBy).thenComparing(p -> p.id))
                    .mapToInt(p -> p.index).toArray();
            current = new PopularityOrder(keptVersion, order);
            popularity = current; // readers may race to compute it; each computes the same order
        }
        return current.order();
    }

    private record PopularityOrder(long version, int[] order) {
    }

    ProductStats product(int index) {
        return products.get(index);
    }

    ProductStats productOrNull(String id) {
        return productsById.get(id);
    }

    CustomerHistory customer(String id) {
        return customers.get(id);
    }

    int productCount() {
        return products.size();
    }

    /** Each product that shares a kept customer with {@code product}, with how many customers kept both. */
    void forEachCooccurrence(int product, CooccurrenceMatrix.CountConsumer consumer) {
        cooccurrence.forEach(product, consumer);
    }

    public long lineCount() {
        return lines;
    }

    public int customerCount() {
        return customers.size();
    }

    public int products() {
        return products.size();
    }
}
