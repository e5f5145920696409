package io.aftercart.contracts;

/**
 * The one registry of Kafka topics. Code refers to these constants, never to loose topic names.
 */
public enum Topics {
    /** Canonical, validated events keyed by customer id (anonymous id until identified). */
    EVENTS("aftercart.events"),
    /** Rejected input with a typed reason in its headers; the value is the original payload, so it can be replayed. */
    DEAD_LETTER("aftercart.events.dlq"),
    /** Raw events that a shop's own services produce (Segment or canonical shape, JSON). */
    INTAKE("aftercart.intake");

    private final String topicName;

    Topics(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}
