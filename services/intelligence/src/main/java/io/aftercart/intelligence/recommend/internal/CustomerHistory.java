package io.aftercart.intelligence.recommend.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One customer's purchases (days per product), returned products, purchase days and first order's categories. The
 * model holds one per customer in memory, so it is kept small: most customers bought a few products on a day or two,
 * returned none and had one or two categories in their first order.
 */
final class CustomerHistory {

    final Map<Integer, PurchaseDays> bought = new HashMap<>(4);
    /** Null until the first return. */
    private Set<Integer> returned;
    private final PurchaseDays purchaseDays = new PurchaseDays();
    private Instant firstOrderTime;
    private String firstOrderId;
    private final List<String> firstOrderCategories = new ArrayList<>(1);

    /** A product this customer bought and did not return: a positive signal. */
    boolean kept(int product) {
        return bought.containsKey(product) && !returned().contains(product);
    }

    Set<Integer> returned() {
        return returned == null ? Set.of() : returned;
    }

    void returnedProduct(int product) {
        if (returned == null) {
            returned = new HashSet<>(4);
        }
        returned.add(product);
    }

    void purchasedOn(int day) {
        purchaseDays.add(day);
    }

    int purchaseDayCount() {
        return purchaseDays.count();
    }

    /** Tracks the earliest order (by time, then order id) and the categories of its lines. */
    void firstOrderLine(String orderId, Instant time, String category) {
        String id = orderId == null ? "" : orderId;
        int order = firstOrderTime == null ? -1 : time.compareTo(firstOrderTime);
        if (order < 0 || order == 0 && id.compareTo(firstOrderId) < 0) {
            firstOrderTime = time;
            firstOrderId = id;
            firstOrderCategories.clear();
        }
        if (id.equals(firstOrderId) && category != null && !category.isBlank()
                && !firstOrderCategories.contains(category)) {
            firstOrderCategories.add(category);
        }
    }

    List<String> firstOrderCategories() {
        return firstOrderCategories;
    }
}
