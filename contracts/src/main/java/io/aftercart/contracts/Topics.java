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
    INTAKE("aftercart.intake"),
    /** The latest profile of each customer, keyed by customer id; compacted, so it is the profile table as a log. */
    PROFILES("aftercart.profiles", true),
    /** The latest churn and lifetime-value prediction of each customer, keyed by customer id; compacted. */
    PREDICTIONS("aftercart.predictions", true),
    /** One sentiment result per scored text (review, ticket, NPS comment), keyed by customer id. */
    SENTIMENT("aftercart.sentiment"),
    /** Write keys managed through the gateway, keyed by the key's SHA-256 hash, valued by source; compacted. */
    WRITE_KEYS("aftercart.write-keys", true);

    private final String topicName;
    private final boolean compacted;

    Topics(String topicName) {
        this(topicName, false);
    }

    Topics(String topicName, boolean compacted) {
        this.topicName = topicName;
        this.compacted = compacted;
    }

    public String topicName() {
        return topicName;
    }

    /** A compacted topic keeps the latest record per key: a table, not a history. */
    public boolean compacted() {
        return compacted;
    }
}
