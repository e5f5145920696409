package io.aftercart.intelligence.sentiment;

import com.fasterxml.jackson.annotation.JsonValue;
import io.aftercart.contracts.EventType;
import java.util.Locale;

/** The kinds of customer text that are scored, by the event that carries them. */
public enum SourceType {
    REVIEW(EventType.PRODUCT_REVIEWED),
    SUPPORT_TICKET(EventType.SUPPORT_TICKET_OPENED),
    NPS_COMMENT(EventType.NPS_SURVEY_RESPONDED);

    private final EventType eventType;

    SourceType(EventType eventType) {
        this.eventType = eventType;
    }

    public EventType eventType() {
        return eventType;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source type of an event type name ({@code Product Reviewed}, ...), or null if it carries no text. */
    public static SourceType ofEventType(String wireName) {
        for (SourceType type : values()) {
            if (type.eventType.wireName().equals(wireName)) {
                return type;
            }
        }
        return null;
    }
}
