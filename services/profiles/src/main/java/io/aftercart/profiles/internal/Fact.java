package io.aftercart.profiles.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;

/**
 * What one canonical event contributes to a profile: the few ids and numbers the fold needs, plus the key properties
 * for the timeline. Contact data is present only as keyed hash and ciphertext.
 *
 * @param subjectId the customer id, or the anonymous id when the event carried no customer id
 * @param anonymous whether {@code subjectId} is an anonymous id
 * @param refId     the ticket, return or review id
 * @param amount    the amount in {@code currency} (null when the event names none)
 * @param score     the NPS score or the review rating
 * @param detail    JSON of the timeline properties
 */
public record Fact(
        String eventId,
        String subjectId,
        boolean anonymous,
        Instant time,
        String type,
        String orderId,
        String refId,
        BigDecimal amount,
        String currency,
        Integer items,
        BigDecimal score,
        ProtectedValue email,
        ProtectedValue phone,
        String detail) {

    /** Event time, then event id: the one order every fold uses, whatever the order of arrival. */
    public static final Comparator<Fact> EVENT_ORDER = Comparator.comparing(Fact::time).thenComparing(Fact::eventId);
}
