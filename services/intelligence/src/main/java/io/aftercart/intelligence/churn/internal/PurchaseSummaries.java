package io.aftercart.intelligence.churn.internal;

import io.aftercart.intelligence.churn.PurchaseSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** Builds a {@link PurchaseSummary} from a customer's orders: same-day orders become one purchase day. */
public final class PurchaseSummaries {

    private PurchaseSummaries() {
    }

    /** @return the summary, or null if there is no purchase at all */
    public static PurchaseSummary summarize(String customerId, List<Purchase> purchases) {
        if (purchases.isEmpty()) {
            return null;
        }
        TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
        purchases.forEach(p -> byDay.merge(p.day(), p.netValue(), BigDecimal::add));
        BigDecimal total = byDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = purchases.stream().filter(p -> p.currency() != null)
                .max(Comparator.comparing(Purchase::day)).map(Purchase::currency).orElse(null);
        return new PurchaseSummary(customerId, byDay.size(), byDay.firstKey(), byDay.lastKey(),
                total.subtract(byDay.firstEntry().getValue()), total, currency);
    }
}
