package io.aftercart.profiles;

import java.util.List;

/**
 * One page of profiles ordered by customer id.
 *
 * @param nextCursor the token that fetches the next page, or null when this is the last one
 */
public record ProfilePage(List<CustomerProfile> profiles, String nextCursor) {
}
