package io.aftercart.profiles.internal;

/**
 * A row of {@code profiles}: the profile JSON and the protected contact data beside it.
 */
public record StoredProfile(String customerId, String body, ProtectedValue email, ProtectedValue phone) {

    static StoredProfile of(FoldedProfile folded) {
        return new StoredProfile(folded.profile().customerId(), ProfileJson.write(folded.profile()), folded.email(),
                folded.phone());
    }

    /** Same content; ciphertexts differ on every encryption, so contact data is compared by hash. */
    boolean sameAs(StoredProfile other) {
        return other != null && body.equals(other.body) && sameHash(email, other.email)
                && sameHash(phone, other.phone);
    }

    private static boolean sameHash(ProtectedValue a, ProtectedValue b) {
        return a == null ? b == null : b != null && a.hash().equals(b.hash());
    }
}
