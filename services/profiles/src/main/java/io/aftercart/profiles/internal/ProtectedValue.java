package io.aftercart.profiles.internal;

/**
 * A personal value as it may be stored: a keyed hash to find it by, and its encryption to read it back.
 */
public record ProtectedValue(String hash, String cipher) {
}
