package io.aftercart.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies: what the platform's exceptions say, and the writing of a problem by code that answers
 * outside Spring MVC's exception handling (servlet filters, among them the collector's intake).
 */
public final class Problems {

    /** Writes a problem as Spring MVC does: its extra properties at the top level, no null fields. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Problems() {
    }

    public static ProblemDetail of(BadInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (e.pointer() != null) {
            problem.setProperty("path", e.pointer());
        }
        return problem;
    }

    /** Its status is 503; the response also needs the exception's {@code Retry-After}. */
    public static ProblemDetail of(ServiceUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Temporarily unavailable");
        return problem;
    }

    /** A failure nobody foresaw, without its internals (the caller logs it). */
    public static ProblemDetail unexpected() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return problem;
    }

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        write(response, problem);
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
