package io.aftercart.contracts;

/** Kafka header names on dead-letter records. Values are UTF-8 strings. */
public final class DeadLetterHeaders {
    /** A {@link DeadLetterReason} name. */
    public static final String REASON = "aftercart_dlq_reason";
    /** Human-readable explanation. */
    public static final String DETAIL = "aftercart_dlq_detail";
    /** JSON path of the offending value inside the rejected event, when known. */
    public static final String PATH = "aftercart_dlq_path";
    /** Source (write key name, or the intake topic) the event came from. */
    public static final String SOURCE = "aftercart_dlq_source";
    /** Where it entered: {@code http} or {@code kafka}. */
    public static final String ORIGIN = "aftercart_dlq_origin";
    /** ISO-8601 instant at which the event was rejected. */
    public static final String REJECTED_AT = "aftercart_dlq_rejected_at";

    private DeadLetterHeaders() {
    }
}
