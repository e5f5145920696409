package io.aftercart.collector.internal;

import io.aftercart.contracts.CanonicalEvent;

/** The result of normalising one submitted event: a canonical event, or the reason it was rejected. */
public record Normalized(CanonicalEvent event, Rejection rejection) {

    static Normalized accepted(CanonicalEvent event) {
        return new Normalized(event, null);
    }

    static Normalized rejected(Rejection rejection) {
        return new Normalized(null, rejection);
    }

    public boolean isAccepted() {
        return event != null;
    }
}
