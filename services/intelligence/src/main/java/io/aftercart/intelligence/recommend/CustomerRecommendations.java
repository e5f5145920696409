package io.aftercart.intelligence.recommend;

import java.util.List;

/**
 * Recommendations for one customer.
 *
 * @param coldStart true when the customer has no purchase on record and the items are popular ones
 * @param newOnly   true when products the customer bought before were left out
 */
public record CustomerRecommendations(String customerId, boolean coldStart, boolean newOnly,
        List<Recommendation> items) {
}
