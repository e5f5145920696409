package io.aftercart.analytics.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventWarehouseListenerTest {

    @Test
    void readsACanonicalEvent() {
        CanonicalEvent event = new CanonicalEvent("e1", "Order Completed", "order_completed/1-0-0", "shop",
                Instant.parse("2025-03-01T10:00:00Z"), null, "c1", null, EventJson.mapper().createObjectNode(), null);

        assertThat(EventWarehouseListener.parse(EventJson.write(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{not json", "42", "null", "[]", "{\"id\":\"e1\",\"type\":\"x\"}",
            "{\"id\":\"e1\",\"type\":\"x\",\"time\":\"yesterday\"}"})
    void rejectsWhatIsNotACanonicalEvent(String value) {
        assertThatThrownBy(() -> EventWarehouseListener.parse(value.getBytes(UTF_8)))
                .isInstanceOf(EventWarehouseListener.UnusableRecordException.class);
    }

    @Test
    void tellsARefusedValueFromAnUnreachableStore() {
        SQLException nulInText = new SQLException("zero bytes may not occur in string parameters", "22023");
        SQLException duplicate = new SQLException("duplicate key", "23505");
        SQLException connectionLost = new SQLException("connection refused", "08001");

        assertThat(EventWarehouseListener.refusedState(new RuntimeException("wrapped", nulInText))).isEqualTo("22023");
        assertThat(EventWarehouseListener.refusedState(new RuntimeException(duplicate))).isEqualTo("23505");
        assertThat(EventWarehouseListener.refusedState(new RuntimeException(connectionLost))).isNull();
        assertThat(EventWarehouseListener.refusedState(new IllegalStateException("no SQL state"))).isNull();
    }
}
