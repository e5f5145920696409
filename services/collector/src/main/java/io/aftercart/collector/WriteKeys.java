package io.aftercart.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.platform.security.WriteKeyDirectory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write keys by source: those configured or issued in this process, then those managed through the gateway
 * ({@link WriteKeyDirectory}). Only a SHA-256 hash of each key is kept, so a memory dump or a log never reveals a key;
 * write keys are long random tokens, so an unsalted fast hash is enough to make them irreversible.
 */
public final class WriteKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, String> sourceByKeyHash = new ConcurrentHashMap<>();
    private final WriteKeyDirectory managed;

    public WriteKeys() {
        this(writeKey -> Optional.empty());
    }

    public WriteKeys(WriteKeyDirectory managed) {
        this.managed = managed;
    }

    public void register(String source, String writeKey) {
        if (source == null || source.isBlank() || writeKey == null || writeKey.isBlank()) {
            throw new IllegalArgumentException("A source needs a name and a non-empty write key");
        }
        sourceByKeyHash.put(hash(writeKey), source);
    }

    /** Creates a fresh random write key for a source; the caller shows it once. */
    public String issue(String source) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String key = "wk_" + HexFormat.of().formatHex(bytes);
        register(source, key);
        return key;
    }

    public Optional<String> sourceOf(String writeKey) {
        if (writeKey == null || writeKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sourceByKeyHash.get(hash(writeKey))).or(() -> managed.sourceOf(writeKey));
    }

    public boolean isEmpty() {
        return sourceByKeyHash.isEmpty();
    }

    private static String hash(String writeKey) {
        return HexFormat.of().formatHex(SHA_256.get().digest(writeKey.getBytes(UTF_8)));
    }

    /** Every request hashes its key; a digest per thread spares the provider look-up each time. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    });
}
