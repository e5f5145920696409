package io.aftercart.contracts;

/** Why an event was rejected; travels in the {@link DeadLetterHeaders#REASON} header of the dead-letter topic. */
public enum DeadLetterReason {
    /** Not JSON, not UTF-8, or not a JSON object where one was expected. */
    UNPARSEABLE,
    /** Over the size limit for one event. */
    TOO_LARGE,
    /** Neither userId nor anonymousId. */
    MISSING_IDENTITY,
    /** A track call without an event name. */
    MISSING_EVENT_NAME,
    /** A call type the collector does not know. */
    UNSUPPORTED_TYPE,
    /** The event breaks its JSON Schema. */
    SCHEMA_VIOLATION,
    /** A timestamp that is not ISO-8601. */
    INVALID_TIMESTAMP,
    /** A consumer's store refused the event for good (a value it cannot hold, a constraint it breaks). */
    STORE_REJECTED
}
