package io.aftercart.contracts.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Properties of {@code Support Ticket Resolved} (schema {@code support_ticket_resolved/1-0-0}); satisfaction is 1..5.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SupportTicketResolved(
        String ticketId,
        String resolution,
        Integer satisfaction) {
}
