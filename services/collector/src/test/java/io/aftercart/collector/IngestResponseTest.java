package io.aftercart.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.collector.EventResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestResponseTest {

    @Test
    void countsEachStatus() {
        List<EventResult> results = List.of(
                new EventResult(0, "m0", Status.accepted, null, null, null),
                new EventResult(1, "m1", Status.rejected, "SCHEMA_VIOLATION", "total is missing", "$.properties.total"),
                new EventResult(2, "m2", Status.duplicate, null, null, null),
                new EventResult(3, "m3", Status.accepted, null, null, null),
                new EventResult(4, null, Status.rejected, "UNPARSEABLE", "not an object", "$"),
                new EventResult(5, "m0", Status.duplicate, null, null, null),
                new EventResult(6, "m6", Status.accepted, null, null, null));

        IngestResponse response = IngestResponse.of(results);

        assertThat(response.success()).isTrue();
        assertThat(response.accepted()).isEqualTo(3);
        assertThat(response.duplicates()).isEqualTo(2);
        assertThat(response.rejected()).isEqualTo(2);
        assertThat(response.results()).isEqualTo(results);
    }

    @Test
    void anEmptyRequestCountsNothing() {
        IngestResponse response = IngestResponse.of(List.of());

        assertThat(response.accepted() + response.duplicates() + response.rejected()).isZero();
        assertThat(response.results()).isEmpty();
    }
}
