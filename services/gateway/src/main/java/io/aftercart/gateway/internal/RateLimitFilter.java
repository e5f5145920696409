package io.aftercart.gateway.internal;

import io.aftercart.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 with {@code Retry-After} (whole seconds) once a caller's bucket is empty. */
public class RateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final Function<HttpServletRequest, String> caller;

    /** @param caller the bucket key of a request, or null to let it pass unmetered */
    public RateLimitFilter(TokenBuckets buckets, Function<HttpServletRequest, String> caller) {
        this.buckets = buckets;
        this.caller = caller;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = caller.apply(request);
        Duration wait = key == null ? Duration.ZERO : buckets.take(key);
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "The rate limit of this caller is reached; retry after " + seconds + " s");
    }
}
