package io.aftercart.intelligence.sentiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The scored text of one event, as published on {@code aftercart.sentiment} (keyed by customer id) and stored.
 *
 * @param eventId         id of the event that carried the text (one result per event)
 * @param sourceType      review, support ticket or NPS comment
 * @param productId       the reviewed product, for reviews
 * @param orderId         the order the text refers to, when the event names one
 * @param rating          the review's star rating (1..5) or the NPS score (0..10), when given
 * @param time            the event time
 * @param serviceRecovery the text is strongly negative and about a recently active order: a trigger for recovery
 */
public record SentimentResult(
        String eventId,
        String customerId,
        SourceType sourceType,
        String productId,
        String orderId,
        BigDecimal rating,
        Instant time,
        double compound,
        SentimentLabel label,
        double pos,
        double neu,
        double neg,
        List<AspectSentiment> aspects,
        boolean serviceRecovery) {
}
