package io.aftercart.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WeightedPercentilesTest {

    @Test
    void interpolatesBetweenTheNeighbouringValuesAsPercentileContDoes() {
        WeightedPercentiles oneEach = new WeightedPercentiles(new TreeMap<>(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L)));
        assertThat(oneEach.count()).isEqualTo(4);
        assertThat(oneEach.percentile(0.25)).isEqualTo(1.75);
        assertThat(oneEach.percentile(0.5)).isEqualTo(2.5);
        assertThat(oneEach.percentile(1.0)).isEqualTo(4.0);
    }

    @Test
    void aValueCountedManyTimesFillsThatManyPositions() {
        WeightedPercentiles skewed = new WeightedPercentiles(new TreeMap<>(Map.of(0, 3L, 10, 1L, 20, 0L)));
        assertThat(skewed.percentile(0.5)).isEqualTo(0.0);
        assertThat(skewed.percentile(0.75)).isEqualTo(2.5);
        assertThat(skewed.percentile(1.0)).isEqualTo(10.0);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(new WeightedPercentiles(new TreeMap<>()).percentile(0.5)).isNull();
    }
}
