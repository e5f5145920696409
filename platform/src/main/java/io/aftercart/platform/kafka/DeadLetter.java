package io.aftercart.platform.kafka;

import io.aftercart.contracts.DeadLetterReason;

/**
 * A rejected input, as it goes to the dead-letter topic: the original payload plus a typed reason.
 *
 * @param reason  why it was rejected
 * @param detail  what exactly was wrong, for humans
 * @param path    JSON path of the offending value, or null
 * @param source  the source it came from (write key name, or the intake topic)
 * @param origin  {@code http} or {@code kafka}
 * @param key     the Kafka key to use (customer or anonymous id when known), or null
 * @param payload the original bytes, so the event can be fixed and replayed
 */
public record DeadLetter(DeadLetterReason reason, String detail, String path, String source, String origin,
        String key, byte[] payload) {
}
