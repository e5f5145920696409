package io.aftercart.profiles.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.List;

/** Opaque keyset-paging tokens: the key parts of a page's last row, so paging stays correct while data changes. */
public final class PageCursor {

    private static final String SEPARATOR = "\n";

    private PageCursor() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(UTF_8));
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encode} with {@code parts} parts */
    public static List<String> decode(String token, int parts) {
        List<String> decoded = List.of(new String(Base64.getUrlDecoder().decode(token), UTF_8).split(SEPARATOR, -1));
        if (decoded.size() != parts) {
            throw new IllegalArgumentException("not a cursor from a previous page");
        }
        return decoded;
    }
}
