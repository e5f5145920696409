package io.aftercart.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a basket the way people shop: mostly favourite departments, often a complementary item, consumables topped up.
 */
final class BasketPicker {

    private final ProductCatalogue catalogue;

    BasketPicker(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<LineItem> pick(SplittableRandom rng, Customer customer, List<Product> refills) {
        List<LineItem> basket = new ArrayList<>();
        List<Product> chosen = new ArrayList<>();
        for (Product refill : refills) {
            chosen.add(refill);
            basket.add(line(rng, customer, refill));
        }
        int wanted = refills.isEmpty() ? 1 + geometric(rng, 0.55) : geometric(rng, 0.3);
        Category previous = null;
        for (int n = 0; n < wanted && basket.size() < 8; n++) {
            Category category = previous != null && Randoms.chance(rng, 0.35) ? previous.complement()
                    : Randoms.chance(rng, 0.75) ? Randoms.pick(rng, customer.favourites())
                    : Category.values()[rng.nextInt(Category.values().length)];
            Product product = catalogue.pick(rng, category);
            if (chosen.contains(product)) continue;
            chosen.add(product);
            basket.add(line(rng, customer, product));
            previous = category;
        }
        return basket;
    }

    private static LineItem line(SplittableRandom rng, Customer customer, Product product) {
        int quantity = product.category().isConsumable() && Randoms.chance(rng, 0.3) ? 2 + rng.nextInt(2) : 1;
        String size = switch (product.category().sizing) {
            case CLOTHING -> customer.clothingSize();
            case SHOES -> customer.shoeSize();
            case NONE -> null;
        };
        return new LineItem(product, size, quantity);
    }

    /** Number of failures before the first success. */
    private static int geometric(SplittableRandom rng, double stop) {
        int n = 0;
        while (!Randoms.chance(rng, stop) && n < 6) n++;
        return n;
    }
}
