package io.aftercart.profiles;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Which profiles a list request wants; every bound is optional (null) and inclusive except the time bounds.
 *
 * @param lastOrderBefore last order strictly before this time
 * @param lastOrderAfter  last order strictly after this time
 * @param npsClass        {@code promoter}, {@code passive} or {@code detractor}
 * @param email           an e-mail address, matched through its keyed hash
 */
public record ProfileFilter(
        Integer minOrders,
        Integer maxOrders,
        BigDecimal minRevenue,
        BigDecimal maxRevenue,
        Instant lastOrderBefore,
        Instant lastOrderAfter,
        String npsClass,
        Boolean atRisk,
        String email) {

    public static ProfileFilter none() {
        return new ProfileFilter(null, null, null, null, null, null, null, null, null);
    }
}
