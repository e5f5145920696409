package io.aftercart.gateway.internal;

import io.aftercart.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer act_...}: signs the request in as the token's user. A revoked or unknown token is
 * answered 401 at once. Bearer values without the prefix are left to the JWT resource server when OIDC is enabled,
 * and refused otherwise.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final boolean jwtEnabled;

    public ApiTokenFilter(ApiTokens tokens, boolean jwtEnabled) {
        this.tokens = tokens;
        this.jwtEnabled = jwtEnabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = authorization.substring(7).trim();
        if (!token.startsWith(ApiTokens.PREFIX) && jwtEnabled) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokenAuthentication> authentication = tokens.authenticate(token)
                .map(holder -> new ApiTokenAuthentication(holder.username(), holder.tokenId(),
                        List.of(new SimpleGrantedAuthority(holder.role().authority()))));
        if (authentication.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "Invalid token",
                    "The API token is unknown or revoked, or its user is disabled");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
