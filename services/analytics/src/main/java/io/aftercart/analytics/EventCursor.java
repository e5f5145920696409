package io.aftercart.analytics;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of a customer's timeline ended: the (event time, id) of its last event. Clients see it only as an
 * opaque token ({@link #encode()}); keyset paging stays correct while new events arrive, unlike an offset.
 */
public record EventCursor(Instant time, String id) {

    private static final char SEPARATOR = '|';

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((time.toString() + SEPARATOR + id).getBytes(UTF_8));
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encode()} */
    public static EventCursor decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), UTF_8);
            int separator = text.indexOf(SEPARATOR);
            if (separator < 0) {
                throw new IllegalArgumentException("not a cursor from a previous page");
            }
            return new EventCursor(Instant.parse(text.substring(0, separator)), text.substring(separator + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a cursor from a previous page", e);
        }
    }
}
