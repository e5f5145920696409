package io.aftercart.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Client input that cannot be accepted at all; answered as an RFC 9457 problem with the given status.
 *
 * @see ProblemDetailsAdvice
 */
public class BadInputException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String pointer;

    public BadInputException(HttpStatus status, String title, String detail, String pointer) {
        super(detail);
        this.status = status;
        this.title = title;
        this.pointer = pointer;
    }

    public BadInputException(String title, String detail) {
        this(HttpStatus.BAD_REQUEST, title, detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** JSON path of the offending part of the request, or null. */
    public String pointer() {
        return pointer;
    }
}
