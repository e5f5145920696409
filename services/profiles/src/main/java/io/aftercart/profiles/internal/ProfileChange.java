package io.aftercart.profiles.internal;

/** A profile that changed: its new JSON, or null when it was merged into another customer's and no longer exists. */
public record ProfileChange(String customerId, String json) {
}
