package io.aftercart.intelligence.recommend.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One customer's purchases (days per product), returned products, purchase days and first order's categories. */
final class CustomerHistory {

    final Map<Integer, PurchaseDays> bought = new HashMap<>();
    final Set<Integer> returned = new HashSet<>();
    private final Set<Integer> purchaseDays = new HashSet<>();
    private Instant firstOrderTime;
    private String firstOrderId;
    private final TreeSet<String> firstOrderCategories = new TreeSet<>();

    /** A product this customer bought and did not return: a positive signal. */
    boolean kept(int product) {
        return bought.containsKey(product) && !returned.contains(product);
    }

    void purchasedOn(int day) {
        purchaseDays.add(day);
    }

    int purchaseDayCount() {
        return purchaseDays.size();
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
        if (id.equals(firstOrderId) && category != null && !category.isBlank()) {
            firstOrderCategories.add(category);
        }
    }

    Set<String> firstOrderCategories() {
        return firstOrderCategories;
    }
}
