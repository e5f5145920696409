package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** One compiled schema set is shared by all consumer threads; results must not bleed between calls. */
class EventSchemasConcurrencyTest {

    @Test
    void concurrentValidationGivesTheSameAnswers() throws Exception {
        EventSchemas schemas = EventSchemas.shared();
        ObjectNode valid = Examples.valid(EventType.ORDER_COMPLETED);
        ObjectNode invalid = Examples.valid(EventType.ORDER_COMPLETED).put("total", -1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 4).mapToObj(worker -> pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    boolean ok = schemas.validate(EventType.ORDER_COMPLETED, valid).isEmpty()
                            && schemas.validate(EventType.ORDER_COMPLETED, invalid).stream()
                                    .map(SchemaViolation::path).toList().equals(List.of("$.total"));
                    if (!ok) {
                        return false;
                    }
                }
                return true;
            })).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
