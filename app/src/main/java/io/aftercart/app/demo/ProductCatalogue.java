package io.aftercart.app.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The shop's ~150 products. Built from a fixed seed so product ids, prices and brands are the same whatever the
 * traffic seed: it is one shop, with different customers.
 */
final class ProductCatalogue {

    private static final long CATALOGUE_SEED = 20_240_301L;

    private final Map<Category, List<Product>> byCategory = new EnumMap<>(Category.class);
    /** Within a department a few best-sellers dominate, as in real shops. */
    private final Map<Category, double[]> popularity = new EnumMap<>(Category.class);

    ProductCatalogue() {
        SplittableRandom rng = new SplittableRandom(CATALOGUE_SEED);
        int next = 1;
        for (Category category : Category.values()) {
            List<Product> inCategory = new ArrayList<>();
            double[] weights = new double[category.items.size()];
            for (int i = 0; i < category.items.size(); i++) {
                double skewedTowardsCheap = Math.pow(rng.nextDouble(), 1.6);
                double price = Math.floor(category.minPrice
                        + skewedTowardsCheap * (category.maxPrice - category.minPrice));
                String id = String.format("prod-%04d", next++);
                Product product = new Product(id, skuPrefix(category, i), category.items.get(i), category,
                        Randoms.pick(rng, category.brands),
                        Randoms.money(price + (Randoms.chance(rng, 0.6) ? 0.99 : 0)),
                        rng.nextDouble() - 0.5);
                inCategory.add(product);
                weights[i] = 0.05 + Math.pow(rng.nextDouble(), 3);
            }
            byCategory.put(category, List.copyOf(inCategory));
            popularity.put(category, weights);
        }
    }

    Product pick(SplittableRandom rng, Category category) {
        return byCategory.get(category).get(Randoms.weightedIndex(rng, popularity.get(category)));
    }

    private static String skuPrefix(Category category, int index) {
        return String.format("%s-%03d", category.name().substring(0, 3), index + 1);
    }
}
