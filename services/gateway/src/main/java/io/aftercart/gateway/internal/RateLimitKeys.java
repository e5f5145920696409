package io.aftercart.gateway.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.platform.security.WriteKeyDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whose bucket a request draws on. Keys never hold a secret in clear (write keys are hashed). */
public final class RateLimitKeys {

    private RateLimitKeys() {
    }

    /** Ingest: the write key of HTTP Basic (the SDKs' way), else the client address. */
    public static String ingest(HttpServletRequest request) {
        String writeKey = basicUser(request.getHeader("Authorization"));
        return writeKey == null ? "ip:" + request.getRemoteAddr() : "wk:" + WriteKeyDirectory.hash(writeKey);
    }

    /** API and dashboard: the API token, else the signed-in user; anonymous requests are not metered here. */
    public static String user(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        if (authentication instanceof ApiTokenAuthentication token) {
            return "token:" + token.tokenId();
        }
        return "user:" + authentication.getName();
    }

    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isEmpty() ? null : user;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
