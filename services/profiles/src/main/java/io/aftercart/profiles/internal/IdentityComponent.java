package io.aftercart.profiles.internal;

import java.util.Set;

/** A set of ids together with every id linked to them (directly or through others), and how they resolve. */
public record IdentityComponent(Set<String> ids, IdentityGraph graph) {
}
