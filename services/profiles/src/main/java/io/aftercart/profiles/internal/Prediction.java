package io.aftercart.profiles.internal;

import io.aftercart.contracts.EventJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;

/**
 * The part of a record of {@code aftercart.predictions} that profiles show. Read by field name; unknown fields are
 * ignored, so the producer may add fields without breaking this consumer.
 */
public record Prediction(
        String customerId,
        String modelVersion,
        Double churnProbability,
        BigDecimal clv,
        BigDecimal clvLow,
        BigDecimal clvHigh,
        String expectedNextOrderDate,
        Boolean atRisk) {

    /** @throws IllegalArgumentException when the value is not a prediction JSON object */
    public static Prediction parse(byte[] json) {
        try {
            Prediction prediction = EventJson.mapper().readValue(json, Prediction.class);
            if (prediction == null) {
                throw new IllegalArgumentException("a prediction must be a JSON object");
            }
            return prediction;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a prediction JSON object: " + e.getOriginalMessage());
        }
    }

    /** The expected date of the next order; a date-time is cut to its date, anything else gives null. */
    public LocalDate expectedNextOrder() {
        if (expectedNextOrderDate == null || expectedNextOrderDate.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(expectedNextOrderDate.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The same prediction for {@code customerId} (a record that names its customer only in its key). */
    public Prediction forCustomer(String customerId) {
        if (customerId == null) {
            throw new IllegalArgumentException("a prediction needs a customerId or a record key");
        }
        return new Prediction(customerId, modelVersion, churnProbability, clv, clvLow, clvHigh, expectedNextOrderDate,
                atRisk);
    }

    public String toJson() {
        return EventJson.mapper().writeValueAsString(this);
    }
}
