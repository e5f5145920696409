package io.aftercart.profiles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One customer after the purchase, folded from their events in event-time order. Amounts are in the reporting
 * {@code currency}. Contact data is never part of it (only whether it is known). Prediction and sentiment fields are
 * null until the intelligence service has scored the customer.
 *
 * @param anonymousIds       anonymous (and aliased) ids stitched to this customer; their events count here
 * @param daysSinceLastOrder whole days from the last order to the time of reading; null in stored and published copies
 * @param orderCount         distinct orders completed, cancelled ones included
 * @param netRevenue         the sum over the customer's orders of
 *                           {@link io.aftercart.platform.reporting.OrderMoney#net()}: each order's total minus the
 *                           larger of its refunds and its cancelled plus returned value (a refund, return or
 *                           cancellation without an order id is an order of its own)
 * @param averageOrderValue  net revenue per order that was not fully cancelled (and could be converted); null without
 *                           one
 * @param itemsBought        units in orders that were not fully cancelled
 * @param returnValue        the value of all returns, as reported (whether refunded or not)
 * @param cancellationCount  orders with at least one cancellation
 * @param refundValue        the sum of all refunds, as reported
 * @param returnRateByItems  returned units per unit bought; null when nothing was bought
 * @param returnRateByValue  returned value per value of orders not fully cancelled; null when that is zero
 * @param unconvertible      amounts left out of the money figures because their currency has no rate; null if none
 * @param npsClass           {@code promoter} (9-10), {@code passive} (7-8) or {@code detractor} (0-6)
 * @param lastActivityAt     the time of the latest event of any type
 */
public record CustomerProfile(
        String customerId,
        List<String> anonymousIds,
        boolean hasEmail,
        boolean hasPhone,
        String currency,
        Instant firstOrderAt,
        Instant lastOrderAt,
        Long daysSinceLastOrder,
        int orderCount,
        BigDecimal netRevenue,
        BigDecimal averageOrderValue,
        long itemsBought,
        int returnCount,
        long returnedItems,
        BigDecimal returnValue,
        Double returnRateByItems,
        Double returnRateByValue,
        int cancellationCount,
        int refundCount,
        BigDecimal refundValue,
        UnconvertibleAmounts unconvertible,
        Integer npsScore,
        String npsClass,
        Instant npsAt,
        int reviewCount,
        Double meanRating,
        int openTickets,
        int resolvedTickets,
        Instant lastActivityAt,
        Double churnProbability,
        BigDecimal predictedClv,
        BigDecimal predictedClvLow,
        BigDecimal predictedClvHigh,
        LocalDate expectedNextOrder,
        Boolean atRisk,
        String predictionModelVersion,
        Double meanSentiment,
        NegativeExperience latestNegativeExperience) {

    /** The same profile as seen at {@code daysSinceLastOrder} days after the last order. */
    public CustomerProfile withDaysSinceLastOrder(Long days) {
        return new CustomerProfile(customerId, anonymousIds, hasEmail, hasPhone, currency, firstOrderAt, lastOrderAt,
                days, orderCount, netRevenue, averageOrderValue, itemsBought, returnCount, returnedItems, returnValue,
                returnRateByItems, returnRateByValue, cancellationCount, refundCount, refundValue, unconvertible,
                npsScore, npsClass, npsAt, reviewCount, meanRating, openTickets, resolvedTickets, lastActivityAt,
                churnProbability, predictedClv, predictedClvLow, predictedClvHigh, expectedNextOrder, atRisk,
                predictionModelVersion, meanSentiment, latestNegativeExperience);
    }

    /**
     * Amounts that could not be reported.
     *
     * @param count      how many amounts were left out
     * @param currencies their currencies, sorted
     * @param reason     why, and which setting fixes it
     */
    public record UnconvertibleAmounts(int count, List<String> currencies, String reason) {
    }

    /**
     * The latest scored text with a negative sentiment; the text itself is never kept.
     *
     * @param eventId    the event whose text was scored
     * @param sourceType that event's type (e.g. {@code Product Reviewed}), when the event is known here
     * @param compound   the compound score, -1..1
     * @param aspect     the most negative aspect named in the text, or null
     */
    public record NegativeExperience(String eventId, Instant time, String sourceType, double compound,
            String aspect) {
    }
}
