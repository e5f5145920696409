package io.aftercart.profiles;

import java.util.List;

/**
 * One page of a customer's timeline, oldest first.
 *
 * @param nextCursor the token that fetches the next page, or null when this is the last one
 */
public record TimelinePage(String customerId, List<TimelineEntry> events, String nextCursor) {
}
