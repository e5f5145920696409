package io.aftercart.intelligence.recommend.internal;

import java.time.Instant;
import java.util.Arrays;

/**
 * What the model knows of one product: its latest name and category, how many customers hold it as a purchase they
 * kept, how many bought it on more than one day, and a histogram of the days between one customer's purchases of it
 * (for the typical re-buy interval).
 */
final class ProductStats {

    private static final int MAX_GAP_DAYS = 730;

    final String id;
    final int index;
    private String name;
    private Instant nameTime;
    private String category;
    private Instant categoryTime;
    int keptBy;
    int repeatBuyers;
    int returns;
    /** Customers' gaps by length in days (the last cell counts longer ones too); as long as the longest seen. */
    private int[] gaps = new int[0];
    private int gapTotal;

    ProductStats(String id, int index) {
        this.id = id;
        this.index = index;
    }

    /** Keeps the name and category of the latest line that has them, so replaying in any order ends the same. */
    void describe(String newName, String newCategory, Instant time) {
        if (newName != null && !newName.isBlank() && later(time, nameTime, newName, name)) {
            name = newName;
            nameTime = time;
        }
        if (newCategory != null && !newCategory.isBlank() && later(time, categoryTime, newCategory, category)) {
            category = newCategory;
            categoryTime = time;
        }
    }

    private static boolean later(Instant time, Instant current, String value, String currentValue) {
        if (current == null) {
            return true;
        }
        int order = time.compareTo(current);
        return order > 0 || order == 0 && value.compareTo(currentValue) < 0;
    }

    void recordDays(PurchaseDays.Insertion insertion, int daysNow) {
        if (insertion.removedGap() >= 0) {
            gaps[Math.min(insertion.removedGap(), MAX_GAP_DAYS)]--;
            gapTotal--;
        }
        for (int gap : new int[] {insertion.gapBefore(), insertion.gapAfter()}) {
            if (gap >= 0) {
                int days = Math.min(gap, MAX_GAP_DAYS);
                if (days >= gaps.length) {
                    gaps = Arrays.copyOf(gaps, days + 1);
                }
                gaps[days]++;
                gapTotal++;
            }
        }
        if (daysNow == 2) {
            repeatBuyers++;
        }
    }

    /** The median number of days between one customer's purchases of this product, or -1 if nobody re-bought it. */
    int typicalRebuyDays() {
        if (gapTotal == 0) {
            return -1;
        }
        int seen = 0;
        for (int days = 0; days < gaps.length; days++) {
            seen += gaps[days];
            if (seen * 2 >= gapTotal) {
                return days;
            }
        }
        return MAX_GAP_DAYS;
    }

    String name() {
        return name;
    }

    String category() {
        return category;
    }
}
