package io.aftercart.collector.internal;

import io.aftercart.contracts.DeadLetterReason;

/** Why one event was not accepted, and where in the submitted event the problem is. */
public record Rejection(DeadLetterReason reason, String detail, String path) {
}
