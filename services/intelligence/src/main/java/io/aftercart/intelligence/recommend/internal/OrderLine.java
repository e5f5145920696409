package io.aftercart.intelligence.recommend.internal;

import java.time.Instant;

/**
 * One product line of a purchase or a return, as the recommendation model learns it.
 *
 * @param lineIndex the line's position in its event, which with the event id identifies it
 * @param name      the product's display name, or null
 * @param category  the product's category, or null
 */
public record OrderLine(String eventId, int lineIndex, Kind kind, String customerId, String orderId,
        String productId, String name, String category, int quantity, Instant time) {

    public enum Kind {
        PURCHASE, RETURN
    }
}
