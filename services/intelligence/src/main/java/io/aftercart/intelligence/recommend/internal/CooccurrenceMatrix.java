package io.aftercart.intelligence.recommend.internal;

import java.util.Arrays;

/**
 * How many customers kept both of two products, as a dense symmetric matrix of ints indexed by product index (a
 * catalogue of 4,000 products takes 64 MB). Dense rows keep a request's scan over them a tight loop.
 */
final class CooccurrenceMatrix {

    private int[][] rows = new int[0][];
    private int capacity;

    void ensure(int products) {
        if (products <= capacity) {
            return;
        }
        int newCapacity = Math.max(256, Integer.highestOneBit(products - 1) << 1);
        int[][] grown = new int[newCapacity][];
        for (int i = 0; i < newCapacity; i++) {
            grown[i] = i < rows.length ? Arrays.copyOf(rows[i], newCapacity) : new int[newCapacity];
        }
        rows = grown;
        capacity = newCapacity;
    }

    void add(int a, int b, int delta) {
        rows[a][b] += delta;
        rows[b][a] += delta;
    }

    int[] row(int product) {
        return rows[product];
    }
}
