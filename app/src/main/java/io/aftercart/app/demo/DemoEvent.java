package io.aftercart.app.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Segment-style call the demo shop sends: a {@code track} (with {@code event}) or an {@code identify}
 * (whose {@code properties} are the traits).
 */
public record DemoEvent(String messageId, String type, String userId, String event,
                        Map<String, Object> properties, Instant timestamp) {

    public static final String TRACK = "track";
    public static final String IDENTIFY = "identify";

    public boolean isTrack(String eventName) {
        return TRACK.equals(type) && eventName.equals(event);
    }

    /**
     * The JSON object for the batch body. A historical event carries {@code timestamp}, which the collector takes as
     * the truth (import); a live one carries {@code originalTimestamp}, which the collector corrects for clock skew.
     */
    Map<String, Object> toPayload(boolean live) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("messageId", messageId);
        payload.put("userId", userId);
        if (TRACK.equals(type)) {
            payload.put("event", event);
            payload.put("properties", properties);
        } else {
            payload.put("traits", properties);
        }
        payload.put(live ? "originalTimestamp" : "timestamp", iso(timestamp));
        return payload;
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
