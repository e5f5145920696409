package io.aftercart.contracts;

/**
 * Kafka header names on records of {@link Topics#EVENTS}: the CloudEvents Kafka binding's {@code ce_*} attributes
 * (binary mode), so consumers can route a record without parsing its value. Values are UTF-8 strings.
 */
public final class CloudEventHeaders {
    /** Always {@code 1.0}. */
    public static final String SPEC_VERSION = "ce_specversion";
    /** The event's id. */
    public static final String ID = "ce_id";
    /** The event's type, e.g. {@code Order Completed}. */
    public static final String TYPE = "ce_type";
    /** The source (write key name, or the intake topic) the event came from. */
    public static final String SOURCE = "ce_source";
    /** The event's time, ISO-8601. */
    public static final String TIME = "ce_time";
    /** The reference of the JSON Schema the event was validated against. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** Always {@code application/json}. */
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
