package io.aftercart.intelligence.web;

import io.aftercart.intelligence.recommend.CustomerRecommendations;
import io.aftercart.intelligence.recommend.RecommendationProperties;
import io.aftercart.intelligence.recommend.Recommendation;
import io.aftercart.intelligence.recommend.Recommender;
import io.aftercart.platform.web.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recommendation API. Parameters are taken as text and checked here, so bad values are 400 problems. */
@RestController
public class RecommendationController {

    private static final int MAX_ID_LENGTH = 256;

    private final Recommender recommender;
    private final RecommendationProperties properties;

    public RecommendationController(Recommender recommender, RecommendationProperties properties) {
        this.recommender = recommender;
        this.properties = properties;
    }

    /**
     * Products for a customer, each with its reason; {@code newOnly=true} leaves out what the customer bought. A
     * customer without purchases gets popular products, marked {@code coldStart}.
     */
    @GetMapping("/api/v1/customers/{customerId}/recommendations")
    public CustomerRecommendations forCustomer(@PathVariable String customerId,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String newOnly) {
        return recommender.forCustomer(id("customerId", customerId), limit(limit), flag("newOnly", newOnly));
    }

    /** Products bought with this one, then popular ones of its category; 404 for a product never seen. */
    @GetMapping("/api/v1/products/{sku}/related")
    public Map<String, Object> related(@PathVariable String sku, @RequestParam(required = false) String limit) {
        List<Recommendation> items = recommender.related(id("sku", sku), limit(limit))
                .orElseThrow(() -> new BadInputException(HttpStatus.NOT_FOUND, "Unknown product",
                        "no order or return of this product is on record", "sku"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", sku);
        body.put("items", items);
        return body;
    }

    private static String id(String name, String value) {
        if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
            throw bad(name, name + " must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }

    private int limit(String text) {
        if (text == null) {
            return properties.defaultLimit();
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= properties.maxLimit()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw bad("limit", "limit must be a whole number from 1 to " + properties.maxLimit());
    }

    private static boolean flag(String name, String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw bad(name, name + " must be true or false");
    }

    private static BadInputException bad(String parameter, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid request parameter", detail, parameter);
    }
}
