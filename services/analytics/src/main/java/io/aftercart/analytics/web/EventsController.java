package io.aftercart.analytics.web;

import io.aftercart.analytics.AnalyticsProperties;
import io.aftercart.analytics.EventCounts;
import io.aftercart.analytics.EventCursor;
import io.aftercart.analytics.EventPage;
import io.aftercart.analytics.EventWarehouse;
import io.aftercart.platform.web.BadInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the event warehouse. Parameters are taken as text and checked here, so that every bad value is
 * answered as a 400 problem naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/events")
public class EventsController {

    private final EventWarehouse warehouse;
    private final AnalyticsProperties properties;

    public EventsController(EventWarehouse warehouse, AnalyticsProperties properties) {
        this.warehouse = warehouse;
        this.properties = properties;
    }

    /** A customer's events, oldest first; follow {@code nextCursor} for the next page. */
    @GetMapping
    public EventPage events(@RequestParam(required = false) String customerId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        if (customerId == null || customerId.isBlank()) {
            throw bad("customerId", "customerId is required");
        }
        return warehouse.customerEvents(customerId, blankToNull(type), limit(limit), cursor(cursor));
    }

    /** Events per type whose event time is in [since, until) (ISO-8601 instants, both optional), and their total. */
    @GetMapping("/counts")
    public EventCounts counts(@RequestParam(required = false) String since,
            @RequestParam(required = false) String until) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw bad("until", "until must be after since");
        }
        return warehouse.countByType(from, to);
    }

    private int limit(String text) {
        if (text == null || text.isBlank()) {
            return properties.defaultPageSize();
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= properties.maxPageSize()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw bad("limit", "limit must be a whole number from 1 to " + properties.maxPageSize());
    }

    private static EventCursor cursor(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return EventCursor.decode(token.trim());
        } catch (IllegalArgumentException e) {
            throw bad("cursor", "cursor must be the nextCursor of a previous page");
        }
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw bad(name, name + " must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static BadInputException bad(String parameter, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid query parameter", detail, parameter);
    }
}
