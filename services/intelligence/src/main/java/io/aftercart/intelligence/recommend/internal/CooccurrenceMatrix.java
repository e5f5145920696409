package io.aftercart.intelligence.recommend.internal;

import java.util.Arrays;

/**
 * How many customers kept both of two products: per product, a row of counts by the other product. A row starts as
 * an open-addressing hash of the products it shares a customer with and turns into a dense array once the array would
 * be no bigger, so memory follows the pairs that occur: a catalogue of 4,000 products bought together in every
 * combination takes dense rows of 16 KB each, and one of 100,000 products whose baskets pair each with a few dozen
 * others takes a few hundred bytes per product (a dense matrix, 40 GB).
 */
final class CooccurrenceMatrix {

    /** Receives one count of a row. */
    interface CountConsumer {
        void accept(int product, int count);
    }

    private Row[] rows = new Row[0];

    void add(int a, int b, int delta) {
        row(a).add(b, delta);
        row(b).add(a, delta);
    }

    /** Hands over each product that shares a kept customer with {@code product} (or did: the count may be 0). */
    void forEach(int product, CountConsumer consumer) {
        if (product < rows.length && rows[product] != null) {
            rows[product].forEach(consumer);
        }
    }

    private Row row(int product) {
        if (product >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(product + 1, rows.length * 2));
        }
        if (rows[product] == null) {
            rows[product] = new Row();
        }
        return rows[product];
    }

    /** Counts by product: hashed (keys hold product + 1, 0 marks a free slot) until dense ({@code keys} null). */
    private static final class Row {

        private static final int FIRST_CAPACITY = 4;

        private int[] keys = new int[FIRST_CAPACITY];
        private int[] counts = new int[FIRST_CAPACITY];
        private int size;
        private int maxProduct = -1;

        void add(int product, int delta) {
            maxProduct = Math.max(maxProduct, product);
            if (keys == null) {
                if (product >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(product + 1, counts.length + counts.length / 2));
                }
                counts[product] += delta;
                return;
            }
            int slot = slot(keys, product);
            if (keys[slot] == 0) {
                if ((size + 1) * 4 > keys.length * 3) {
                    grow();
                    add(product, delta);
                    return;
                }
                keys[slot] = product + 1;
                size++;
            }
            counts[slot] += delta;
        }

        void forEach(CountConsumer consumer) {
            if (keys == null) {
                for (int product = 0; product < counts.length; product++) {
                    if (counts[product] != 0) {
                        consumer.accept(product, counts[product]);
                    }
                }
                return;
            }
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != 0) {
                    consumer.accept(keys[slot] - 1, counts[slot]);
                }
            }
        }

        /** Doubles the hash, or turns dense when two arrays of the doubled size would hold as many ints. */
        private void grow() {
            int capacity = keys.length * 2;
            if (2 * capacity >= maxProduct + 1) {
                int[] dense = new int[maxProduct + 1];
                for (int slot = 0; slot < keys.length; slot++) {
                    if (keys[slot] != 0) {
                        dense[keys[slot] - 1] = counts[slot];
                    }
                }
                keys = null;
                counts = dense;
                return;
            }
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new int[capacity];
            counts = new int[capacity];
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldKeys[slot] != 0) {
                    int moved = slot(keys, oldKeys[slot] - 1);
                    keys[moved] = oldKeys[slot];
                    counts[moved] = oldCounts[slot];
                }
            }
        }

        /** The slot holding {@code product}, or the free slot where it belongs (linear probing). */
        private static int slot(int[] keys, int product) {
            int mask = keys.length - 1;
            int hash = product * 0x9E3779B9; // spreads neighbouring indices over the table
            int slot = (hash ^ hash >>> 16) & mask;
            while (keys[slot] != 0 && keys[slot] != product + 1) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }
}
