package io.aftercart.contracts.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Properties of {@code Support Ticket Opened} (schema {@code support_ticket_opened/1-0-0}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SupportTicketOpened(
        String ticketId,
        String subject,
        String body,
        SupportChannel channel,
        String category,
        String orderId) {
}
