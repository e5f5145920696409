package io.aftercart.collector.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.collector.WriteKeys;
import io.aftercart.platform.web.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Finds the source of a request from its write key: HTTP Basic with the key as user name and an empty password
 * (what the Segment SDKs send), or {@code writeKey} in the body (what analytics.js may send).
 */
final class WriteKeyAuthentication {

    private final WriteKeys writeKeys;

    WriteKeyAuthentication(WriteKeys writeKeys) {
        this.writeKeys = writeKeys;
    }

    String sourceOf(HttpServletRequest request, JsonNode body) {
        String key = basicUser(request.getHeader("Authorization"));
        if (key == null && body != null && body.get("writeKey") != null && body.get("writeKey").isString()) {
            key = body.get("writeKey").asString();
        }
        if (key == null) {
            throw new BadInputException(HttpStatus.UNAUTHORIZED, "Write key required",
                    "Send the write key as the HTTP Basic user name (empty password) or as writeKey in the body",
                    null);
        }
        return writeKeys.sourceOf(key).orElseThrow(() -> new BadInputException(HttpStatus.UNAUTHORIZED,
                "Unknown write key", "No source has this write key", null));
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
