package io.aftercart.gateway.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 for API clients as problem bodies. The challenge names Bearer only, so a browser never pops up its
 * own password dialog (whose remembered credentials would make cross-site requests possible); HTTP Basic is still
 * accepted when a client sends it unasked.
 */
public class ApiEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

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
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        Problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your role does not allow this request, or a session request lacks its CSRF token");
    }
}
