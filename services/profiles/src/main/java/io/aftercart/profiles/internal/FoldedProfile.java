package io.aftercart.profiles.internal;

import io.aftercart.profiles.CustomerProfile;

/**
 * A profile and the fold state it was computed from, which holds the protected contact data that is stored beside
 * the profile, never inside it.
 */
public final class FoldedProfile {

    private final CustomerProfile profile;
    private final FoldState state;
    private StoredProfile stored;

    FoldedProfile(CustomerProfile profile, FoldState state) {
        this.profile = profile;
        this.state = state;
    }

    public CustomerProfile profile() {
        return profile;
    }

    FoldState state() {
        return state;
    }

    ProtectedValue email() {
        return state.email();
    }

    ProtectedValue phone() {
        return state.phone();
    }

    /** The row this profile is stored as; serialised once, as it is both compared with the stored row and written. */
    StoredProfile stored() {
        if (stored == null) {
            stored = StoredProfile.of(this);
        }
        return stored;
    }
}
