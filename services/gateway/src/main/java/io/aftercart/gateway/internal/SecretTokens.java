package io.aftercart.gateway.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Long random secrets (API tokens, write keys, generated passwords) and short random ids. */
final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    /** {@code prefix} + 48 hex digits (192 random bits). */
    static String secret(String prefix) {
        return prefix + random(24);
    }

    static String id() {
        return random(8);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
