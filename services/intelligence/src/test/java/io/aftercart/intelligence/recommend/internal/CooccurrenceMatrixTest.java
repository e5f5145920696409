package io.aftercart.intelligence.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CooccurrenceMatrixTest {

    @Test
    void holdsTheSameCountsAsADenseMatrixWhetherARowIsHashedOrDense() {
        int products = 1_500;
        int[][] expected = new int[products][products];
        CooccurrenceMatrix matrix = new CooccurrenceMatrix();
        Random random = new Random(3);
        for (int i = 0; i < 30_000; i++) {
            // a few products pair with nearly everything (their rows turn dense), most with a few dozen others
            int a = random.nextInt(10) == 0 ? random.nextInt(5) : random.nextInt(products);
            int b = random.nextInt(10) == 0 ? a + 1 + random.nextInt(40) : random.nextInt(products);
            if (a == b || b >= products) {
                continue;
            }
            int delta = random.nextInt(8) == 0 ? -1 : 1;
            matrix.add(a, b, delta);
            expected[a][b] += delta;
            expected[b][a] += delta;
        }
        for (int product = 0; product < products; product++) {
            Map<Integer, Integer> row = new HashMap<>();
            matrix.forEach(product, (other, count) -> assertThat(row.put(other, count)).isNull());
            for (int other = 0; other < products; other++) {
                assertThat(row.getOrDefault(other, 0)).as("count of %d and %d", product, other)
                        .isEqualTo(expected[product][other]);
            }
        }
    }

    @Test
    void aProductWithoutPairsHasAnEmptyRow() {
        CooccurrenceMatrix matrix = new CooccurrenceMatrix();
        matrix.add(0, 1, 1);
        Map<Integer, Integer> row = new HashMap<>();
        matrix.forEach(7, row::put);
        assertThat(row).isEmpty();
    }
}
