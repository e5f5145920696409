package io.aftercart.profiles.internal;

import io.aftercart.profiles.CustomerProfile;

/** A profile and the protected contact data that is stored beside it, never inside it. */
public record FoldedProfile(CustomerProfile profile, ProtectedValue email, ProtectedValue phone) {
}
