package io.aftercart.collector.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** ISO-8601 date-times as clients send them: with an offset ({@code +01:00}) or in UTC ({@code Z}). */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant, or null when the text is not an ISO-8601 date-time with an offset. */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
