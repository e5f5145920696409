package io.aftercart.profiles.internal;

import io.aftercart.contracts.EventJson;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * The part of a record of {@code aftercart.sentiment} that profiles keep: scores and aspect names, never the text.
 * Read by field name; unknown fields are ignored.
 */
public record SentimentResult(
        String eventId,
        String customerId,
        double compound,
        String label,
        List<Aspect> aspects,
        Instant time) {

    /** VADER's usual threshold: a compound at or below it is negative. */
    static final double NEGATIVE_THRESHOLD = -0.05;

    public static final Comparator<SentimentResult> TIME_ORDER =
            Comparator.comparing(SentimentResult::time).thenComparing(SentimentResult::eventId);

    public record Aspect(String aspect, double compound, String label) {
    }

    /** @throws IllegalArgumentException when the value lacks eventId, customerId or time */
    public static SentimentResult parse(byte[] json) {
        SentimentResult result;
        try {
            result = EventJson.mapper().readValue(json, SentimentResult.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a sentiment JSON object: " + e.getOriginalMessage());
        }
        if (result == null || result.eventId() == null || result.customerId() == null || result.time() == null) {
            throw new IllegalArgumentException("a sentiment result needs eventId, customerId and time");
        }
        return new SentimentResult(result.eventId(), result.customerId(), result.compound(), result.label(),
                result.aspects() == null ? List.of() : result.aspects(), result.time());
    }

    public boolean negative() {
        return "negative".equalsIgnoreCase(label) || (label == null && compound <= NEGATIVE_THRESHOLD);
    }

    /** The aspect with the lowest compound, or null when none was named. */
    public String worstAspect() {
        return aspects.stream().min(Comparator.comparingDouble(Aspect::compound)).map(Aspect::aspect).orElse(null);
    }

    public String toJson() {
        return EventJson.mapper().writeValueAsString(this);
    }
}
