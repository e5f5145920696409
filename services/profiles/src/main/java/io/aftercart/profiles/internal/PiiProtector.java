package io.aftercart.profiles.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps e-mail addresses and phone numbers out of the store in clear: an HMAC-SHA256 of the normalised value (equal
 * values give equal hashes, so look-ups work, but it cannot be reversed or guessed without the key) and its AES-GCM
 * encryption with a random nonce. Two sub-keys are derived from the one configured key, so neither use weakens
 * the other.
 */
public final class PiiProtector {

    public static final int MIN_KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec hashKey;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random = new SecureRandom();

    public PiiProtector(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the PII key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        SecretKeySpec master = new SecretKeySpec(key, "HmacSHA256");
        this.hashKey = new SecretKeySpec(hmac(master, "aftercart-profiles/hash"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(hmac(master, "aftercart-profiles/encrypt"), "AES");
    }

    /** The protected e-mail address, or null when blank. */
    public ProtectedValue email(String email) {
        String normalised = normaliseEmail(email);
        return normalised == null ? null : new ProtectedValue(hash(normalised), encrypt(normalised));
    }

    /** The protected phone number, or null when it has no digits. */
    public ProtectedValue phone(String phone) {
        String normalised = normalisePhone(phone);
        return normalised == null ? null : new ProtectedValue(hash(normalised), encrypt(normalised));
    }

    /** The look-up hash of an e-mail address as a client types it; null when blank. */
    public String emailHash(String email) {
        String normalised = normaliseEmail(email);
        return normalised == null ? null : hash(normalised);
    }

    public String decrypt(String cipherText) {
        ByteBuffer input = ByteBuffer.wrap(Base64.getDecoder().decode(cipherText));
        byte[] nonce = new byte[NONCE_BYTES];
        input.get(nonce);
        byte[] sealed = new byte[input.remaining()];
        input.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            return new String(cipher.doFinal(sealed), UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored value cannot be decrypted with the configured PII key", e);
        }
    }

    String encrypt(String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(value.getBytes(UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private String hash(String normalised) {
        return HexFormat.of().formatHex(hmac(hashKey, normalised));
    }

    static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Digits only, with a leading + kept: "+49 (30) 1234-56" and "+4930123456" are the same number. */
    static String normalisePhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        return phone.trim().startsWith("+") ? "+" + digits : digits;
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
