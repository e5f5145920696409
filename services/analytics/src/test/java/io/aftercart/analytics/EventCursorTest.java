package io.aftercart.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCursorTest {

    @Test
    void decodesWhatItEncodedEvenWhenTheIdContainsTheSeparator() {
        EventCursor cursor = new EventCursor(Instant.parse("2025-03-01T10:00:00.123456Z"), "a|b/c");

        assertThat(EventCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void rejectsTokensItDidNotMake() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventCursor.decode("%%"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventCursor.decode("bm90IGEgY3Vyc29y"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventCursor.decode("eWVzdGVyZGF5fGlk"));
    }
}
