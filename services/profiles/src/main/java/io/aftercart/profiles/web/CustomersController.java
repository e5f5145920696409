package io.aftercart.profiles.web;

import io.aftercart.platform.web.BadInputException;
import io.aftercart.profiles.Contact;
import io.aftercart.profiles.CustomerProfile;
import io.aftercart.profiles.CustomerProfiles;
import io.aftercart.profiles.ProfileFilter;
import io.aftercart.profiles.ProfilePage;
import io.aftercart.profiles.ProfilesProperties;
import io.aftercart.profiles.TimelinePage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API of the profiles. Parameters are taken as text and checked here, so that every bad value is answered as a
 * 400 problem naming the parameter; an unknown customer is a 404 problem.
 */
@RestController
@RequestMapping("/api/v1/customers")
public class CustomersController {

    private static final Set<String> NPS_CLASSES = Set.of("promoter", "passive", "detractor");

    private final CustomerProfiles profiles;
    private final ProfilesProperties properties;

    public CustomersController(CustomerProfiles profiles, ProfilesProperties properties) {
        this.profiles = profiles;
        this.properties = properties;
    }

    @GetMapping("/{customerId}")
    public CustomerProfile profile(@PathVariable String customerId) {
        return profiles.profile(customerId).orElseThrow(() -> unknown(customerId));
    }

    /** Profiles matching every given filter, ordered by customer id; follow {@code nextCursor} for the next page. */
    @GetMapping
    public ProfilePage list(@RequestParam(required = false) String minOrders,
            @RequestParam(required = false) String maxOrders,
            @RequestParam(required = false) String minRevenue,
            @RequestParam(required = false) String maxRevenue,
            @RequestParam(required = false) String lastOrderBefore,
            @RequestParam(required = false) String lastOrderAfter,
            @RequestParam(required = false) String npsClass,
            @RequestParam(required = false) String atRisk,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        ProfileFilter filter = new ProfileFilter(count("minOrders", minOrders), count("maxOrders", maxOrders),
                amount("minRevenue", minRevenue), amount("maxRevenue", maxRevenue),
                instant("lastOrderBefore", lastOrderBefore), instant("lastOrderAfter", lastOrderAfter),
                npsClass(npsClass), flag("atRisk", atRisk), blank(email) ? null : email.trim());
        if (filter.minOrders() != null && filter.maxOrders() != null && filter.minOrders() > filter.maxOrders()) {
            throw bad("maxOrders", "maxOrders must not be below minOrders");
        }
        if (filter.minRevenue() != null && filter.maxRevenue() != null
                && filter.minRevenue().compareTo(filter.maxRevenue()) > 0) {
            throw bad("maxRevenue", "maxRevenue must not be below minRevenue");
        }
        try {
            return profiles.list(filter, limit(limit), blank(cursor) ? null : cursor.trim());
        } catch (IllegalArgumentException e) {
            throw bad("cursor", "cursor must be the nextCursor of a previous page");
        }
    }

    /** The customer's events in event-time order, oldest first. */
    @GetMapping("/{customerId}/timeline")
    public TimelinePage timeline(@PathVariable String customerId, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        int pageSize = limit(limit);
        try {
            return profiles.timeline(customerId, pageSize, blank(cursor) ? null : cursor.trim())
                    .orElseThrow(() -> unknown(customerId));
        } catch (IllegalArgumentException e) {
            throw bad("cursor", "cursor must be the nextCursor of a previous page");
        }
    }

    /** The customer's decrypted e-mail address and phone number (personal data). */
    @GetMapping("/{customerId}/contact")
    public Contact contact(@PathVariable String customerId) {
        return profiles.contact(customerId).orElseThrow(() -> unknown(customerId));
    }

    private int limit(String text) {
        if (blank(text)) {
            return properties.defaultPageSize();
        }
        Integer limit = parseInt(text);
        if (limit == null || limit < 1 || limit > properties.maxPageSize()) {
            throw bad("limit", "limit must be a whole number from 1 to " + properties.maxPageSize());
        }
        return limit;
    }

    private static Integer count(String name, String text) {
        if (blank(text)) {
            return null;
        }
        Integer value = parseInt(text);
        if (value == null || value < 0) {
            throw bad(name, name + " must be a whole number of at least 0");
        }
        return value;
    }

    private static BigDecimal amount(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw bad(name, name + " must be a decimal amount such as 120.50");
        }
    }

    private static Instant instant(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw bad(name, name + " must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
    }

    private static String npsClass(String text) {
        if (blank(text)) {
            return null;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!NPS_CLASSES.contains(value)) {
            throw bad("npsClass", "npsClass must be promoter, passive or detractor");
        }
        return value;
    }

    private static Boolean flag(String name, String text) {
        if (blank(text)) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(name, name + " must be true or false");
        };
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static BadInputException unknown(String customerId) {
        return new BadInputException(HttpStatus.NOT_FOUND, "Unknown customer",
                "There is no profile for this customer id", "customerId");
    }

    private static BadInputException bad(String parameter, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid query parameter", detail, parameter);
    }
}
