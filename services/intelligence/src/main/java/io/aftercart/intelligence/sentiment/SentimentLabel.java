package io.aftercart.intelligence.sentiment;

/** The polarity class of a compound score, with VADER's customary cut-offs at ±0.05. */
public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE;

    static final double THRESHOLD = 0.05;

    public static SentimentLabel of(double compound) {
        if (compound >= THRESHOLD) {
            return POSITIVE;
        }
        return compound <= -THRESHOLD ? NEGATIVE : NEUTRAL;
    }

    /** Lower-case name, as published in results and KPIs. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
