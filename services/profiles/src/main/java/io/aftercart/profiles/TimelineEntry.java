package io.aftercart.profiles;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One event of a customer's timeline.
 *
 * @param subjectId the id the event arrived under: the customer id, or a stitched anonymous id
 * @param details   the event's key properties (order id, amounts, score, ...); free text and contact data are left out
 */
public record TimelineEntry(String eventId, String type, Instant time, String subjectId, JsonNode details) {
}
