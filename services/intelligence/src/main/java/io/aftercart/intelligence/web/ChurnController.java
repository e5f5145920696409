package io.aftercart.intelligence.web;

import io.aftercart.intelligence.churn.ChurnModelVersion;
import io.aftercart.intelligence.churn.ChurnModels;
import io.aftercart.intelligence.churn.CustomerPrediction;
import io.aftercart.platform.web.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Churn and lifetime-value API. Parameters are taken as text and checked here, so bad values are 400 problems. */
@RestController
public class ChurnController {

    private static final int MAX_ID_LENGTH = 256;
    private static final int MAX_HORIZON_DAYS = 3650;
    private static final int MAX_AT_RISK = 1000;

    private final ChurnModels models;

    public ChurnController(ChurnModels models) {
        this.models = models;
    }

    /** A customer's prediction as of today; {@code horizonDays} overrides the horizon of the expected purchases. */
    @GetMapping("/api/v1/customers/{customerId}/predictions")
    public CustomerPrediction predictions(@PathVariable String customerId,
            @RequestParam(required = false) String horizonDays) {
        if (customerId.isBlank() || customerId.length() > MAX_ID_LENGTH) {
            throw bad("customerId", "customerId must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        Integer horizon = horizonDays == null ? null : number("horizonDays", horizonDays, 1, MAX_HORIZON_DAYS);
        return models.predict(customerId, horizon).orElseThrow(() -> new BadInputException(HttpStatus.NOT_FOUND,
                "Unknown customer", "no purchases are on record for this customer", "customerId"));
    }

    /** The version in use and the newest fit, with their parameters, log-likelihoods and calibration. */
    @GetMapping("/api/v1/models/churn")
    public Map<String, Object> model() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("current", models.current().orElse(null));
        body.put("latest", models.latest().orElse(null));
        return body;
    }

    /** Fits a new version now and, if usable, scores and publishes every customer. */
    @PostMapping("/api/v1/models/churn/refit")
    public ChurnModelVersion refit() {
        return models.refit();
    }

    /** Valuable customers likely to have lapsed, most valuable first. */
    @GetMapping("/api/v1/models/churn/at-risk")
    public Map<String, Object> atRisk(@RequestParam(required = false) String limit) {
        int max = limit == null ? 100 : number("limit", limit, 1, MAX_AT_RISK);
        List<CustomerPrediction> customers = models.atRisk(max);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("modelVersion", models.current().map(ChurnModelVersion::version).orElse(null));
        body.put("customers", customers);
        return body;
    }

    private static int number(String name, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw bad(name, name + " must be a whole number from " + min + " to " + max);
    }

    private static BadInputException bad(String parameter, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid request parameter", detail, parameter);
    }
}
