package io.aftercart.intelligence.recommend.internal;

import java.util.Arrays;

/** The distinct days (epoch days, ascending) on which one customer bought one product. */
final class PurchaseDays {

    private int[] days = new int[2];
    private int size;

    /** What adding a day changed: the gap it split (or -1) and the gaps it made (or -1 each); null if known. */
    record Insertion(int removedGap, int gapBefore, int gapAfter) {
    }

    Insertion add(int day) {
        int at = Arrays.binarySearch(days, 0, size, day);
        if (at >= 0) {
            return null;
        }
        int position = -at - 1;
        if (size == days.length) {
            days = Arrays.copyOf(days, size * 2);
        }
        System.arraycopy(days, position, days, position + 1, size - position);
        days[position] = day;
        size++;
        boolean hasBefore = position > 0;
        boolean hasAfter = position < size - 1;
        int before = hasBefore ? days[position - 1] : 0;
        int after = hasAfter ? days[position + 1] : 0;
        return new Insertion(hasBefore && hasAfter ? after - before : -1, hasBefore ? day - before : -1,
                hasAfter ? after - day : -1);
    }

    int count() {
        return size;
    }

    int last() {
        return days[size - 1];
    }

    /** The median gap between consecutive days, or -1 with fewer than two days. */
    int medianGap() {
        if (size < 2) {
            return -1;
        }
        int[] gaps = new int[size - 1];
        for (int i = 1; i < size; i++) {
            gaps[i - 1] = days[i] - days[i - 1];
        }
        Arrays.sort(gaps);
        return gaps[(gaps.length - 1) / 2];
    }
}
