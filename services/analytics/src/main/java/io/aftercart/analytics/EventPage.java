package io.aftercart.analytics;

import io.aftercart.contracts.CanonicalEvent;
import java.util.List;

/**
 * One page of a customer's events, oldest first.
 *
 * @param events     the events of this page
 * @param nextCursor the token that fetches the next page, or null when this is the last one
 */
public record EventPage(List<CanonicalEvent> events, String nextCursor) {
}
