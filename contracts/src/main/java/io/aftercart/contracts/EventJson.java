package io.aftercart.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON configuration for events, so every service writes and reads them identically.
 * Instants are ISO-8601 strings ({@link Timestamps}), floating-point numbers are read as BigDecimal (money must not
 * drift), nulls are not written (optional schema properties are absent, never null), unknown properties are ignored.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .addModule(FastInstants.module())
            .build();

    private EventJson() {
    }

    /** The shared, immutable (hence thread-safe) mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Serialises an envelope to UTF-8 JSON (the Kafka record value). */
    public static byte[] write(CanonicalEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Parses an envelope; throws {@link tools.jackson.core.JacksonException} on malformed input. */
    public static CanonicalEvent read(byte[] json) {
        return MAPPER.readValue(json, CanonicalEvent.class);
    }

    /**
     * Maps a properties object onto its record (see {@link EventType#propertiesType()}); extra properties are ignored.
     */
    public static <T> T propertiesAs(ObjectNode properties, Class<T> type) {
        return MAPPER.treeToValue(properties, type);
    }

    /**
     * Turns a properties record (e.g. {@link io.aftercart.contracts.events.OrderCompleted}) into a properties object.
     */
    public static ObjectNode toProperties(Object propertiesRecord) {
        return MAPPER.valueToTree(propertiesRecord);
    }
}
