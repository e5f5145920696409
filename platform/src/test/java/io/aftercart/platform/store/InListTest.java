package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void chunksKeepEveryValueInOrderWithinTheLimit() {
        List<Integer> values = IntStream.range(0, 2 * InList.MAX_VALUES + 7).boxed().toList();

        List<List<Object>> chunks = InList.chunks(values);

        assertThat(chunks).extracting(List::size).containsExactly(InList.MAX_VALUES, InList.MAX_VALUES, 7);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(values);
    }

    @Test
    void noValuesMakeNoChunk() {
        assertThat(InList.chunks(List.of())).isEmpty();
    }

    @Test
    void onePlaceholderPerValue() {
        assertThat(InList.of("customer_id", List.of("a", "b", "c"))).isEqualTo("customer_id IN (?, ?, ?)");
    }
}
