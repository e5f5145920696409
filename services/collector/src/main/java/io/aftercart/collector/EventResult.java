package io.aftercart.collector;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one submitted event.
 *
 * @param index     its position in the request
 * @param messageId its messageId (assigned by the collector when the client sent none), or null when rejected before
 *                  one could be read
 * @param status    {@code accepted}, {@code duplicate} or {@code rejected}
 * @param reason    for a rejection: the typed reason, as on the dead-letter topic
 * @param detail    for a rejection: what was wrong
 * @param path      for a rejection: JSON path of the offending value in the submitted event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(int index, String messageId, Status status, String reason, String detail, String path) {

    public enum Status {
        accepted, duplicate, rejected
    }
}
