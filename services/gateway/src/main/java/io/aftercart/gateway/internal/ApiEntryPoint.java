package io.aftercart.gateway.internal;

import io.aftercart.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 for API clients as problem bodies. The challenge names Bearer only, so a browser never pops up its
 * own password dialog (whose remembered credentials would make cross-site requests possible); HTTP Basic is still
 * accepted when a client sends it unasked. A JWT that cannot be checked because the identity provider is out of
 * reach gets 503 with {@code Retry-After}: the token may well be good, and the client should try again.
 */
public class ApiEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiEntryPoint.class);
    private static final String PROVIDER_RETRY_SECONDS = "30";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"aftercart\"");
        if (exception instanceof LockedException) {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "Account locked", exception.getMessage());
        } else {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send an API token (Authorization: Bearer act_...) or HTTP Basic user and password");
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            log.warn("Cannot check a JWT with the identity provider: {}", exception.getMessage());
            response.setHeader("Retry-After", PROVIDER_RETRY_SECONDS);
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable",
                    "The identity provider's keys could not be fetched to check the token; try again shortly, or "
                            + "use an API token or HTTP Basic");
        } else {
            commence(request, response, exception);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        Problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role does not allow this request, or a session request lacks its CSRF token");
    }
}
