package io.aftercart.platform.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Write keys managed at run time (created and revoked through the gateway's admin API), as the collector looks them
 * up. Only SHA-256 hashes of keys travel and are kept: write keys are long random tokens, so an unsalted fast hash is
 * enough to make them irreversible.
 */
public interface WriteKeyDirectory {

    /** The source a managed write key belongs to, or empty when no managed key has this value. */
    Optional<String> sourceOf(String writeKey);

    /** The hash under which a write key is stored and published. */
    static String hash(String writeKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(writeKey.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
