package io.aftercart.analytics.kpi;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.events.NpsSurveyResponded;
import io.aftercart.contracts.events.OrderCancelled;
import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.OrderRefunded;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ProductReturned;
import io.aftercart.contracts.events.ReturnReasonCode;
import io.aftercart.contracts.events.SupportTicketOpened;
import io.aftercart.contracts.events.SupportTicketResolved;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Canonical KPI events for tests, built from the contract records. */
final class KpiEvents {

    private KpiEvents() {
    }

    /** An order with id {@code o-<id>}. */
    static CanonicalEvent order(String id, String customer, String time, String total, String currency,
            Product... lines) {
        return event(id, "Order Completed", customer, time, new OrderCompleted("o-" + id, new BigDecimal(total), null,
                null, null, null, null, null, currency, List.of(lines)));
    }

    /** A return of lines of {@code orderId}, valued by its lines. */
    static CanonicalEvent returned(String id, String customer, String time, String orderId, ReturnReasonCode reason,
            Product... lines) {
        return event(id, "Product Returned", customer, time,
                new ProductReturned(orderId, "r-" + id, List.of(lines), null, "GBP", null, reason));
    }

    /** @param total the amount cancelled, or null for the whole order */
    static CanonicalEvent cancelled(String id, String customer, String time, String orderId, String total) {
        return event(id, "Order Cancelled", customer, time, new OrderCancelled(orderId,
                total == null ? null : new BigDecimal(total), "GBP", "changed mind", null));
    }

    static CanonicalEvent refunded(String id, String customer, String time, String orderId, String total,
            String currency) {
        return event(id, "Order Refunded", customer, time,
                new OrderRefunded(orderId, new BigDecimal(total), currency, null, null));
    }

    static CanonicalEvent nps(String id, String customer, String time, int score) {
        return event(id, "NPS Survey Responded", customer, time, new NpsSurveyResponded(score, null, "s1", null));
    }

    static CanonicalEvent ticketOpened(String id, String customer, String time, String ticket) {
        return event(id, "Support Ticket Opened", customer, time,
                new SupportTicketOpened(ticket, "where is my parcel", null, null, null, null));
    }

    static CanonicalEvent ticketResolved(String id, String customer, String time, String ticket) {
        return event(id, "Support Ticket Resolved", customer, time, new SupportTicketResolved(ticket, "sent", 5));
    }

    static Product line(String productId, String category, int quantity, String price) {
        return new Product(productId, null, null, category, null, null, new BigDecimal(price), quantity, null, null);
    }

    private static CanonicalEvent event(String id, String type, String customer, String time, Object properties) {
        Instant at = Instant.parse(time);
        return new CanonicalEvent(id, type, null, "test-shop", at, at, customer, null,
                EventJson.toProperties(properties), null);
    }
}
