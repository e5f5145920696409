package io.aftercart.profiles.internal;

/**
 * A row of {@code profiles}: the profile JSON, the protected contact data beside it, and the {@link FoldState} JSON
 * the next in-order facts continue from (null when the row was not read for folding, or predates fold states).
 */
public record StoredProfile(String customerId, String body, ProtectedValue email, ProtectedValue phone,
        String foldState) {

    static StoredProfile of(FoldedProfile folded) {
        return new StoredProfile(folded.profile().customerId(), ProfileJson.writeStored(folded.profile()),
                folded.email(), folded.phone(), folded.state().toJson());
    }

    /** Same content; ciphertexts differ on every encryption, so contact data is compared by hash. */
    boolean sameAs(StoredProfile other) {
        return other != null && body.equals(other.body) && sameHash(email, other.email)
                && sameHash(phone, other.phone);
    }

    /** Same content and the same fold state, so there is nothing to write. */
    boolean sameRowAs(StoredProfile other) {
        return sameAs(other) && foldState.equals(other.foldState);
    }

    /** The fold state to continue from, or null when there is none. */
    FoldState resumeFold() {
        return foldState == null ? null : FoldState.read(foldState, email, phone);
    }

    private static boolean sameHash(ProtectedValue a, ProtectedValue b) {
        return a == null ? b == null : b != null && a.hash().equals(b.hash());
    }
}
