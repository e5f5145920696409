package io.aftercart.gateway.internal;

import io.aftercart.gateway.GatewayProperties;
import io.aftercart.gateway.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Roles of a user signed in by the external identity provider: the Aftercart role names found in the configured
 * claim (a list or a space-separated string; unknown names are ignored, so a user without one gets no access).
 */
public class OidcRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final GatewayProperties.Oidc oidc;

    public OidcRoles(GatewayProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = names(jwt.getClaims().get(oidc.rolesClaim()))
                .map(Role::parse).flatMap(Optional::stream).distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
        String username = jwt.getClaimAsString(oidc.usernameClaim());
        return new JwtAuthenticationToken(jwt, authorities, username == null ? jwt.getSubject() : username);
    }

    private static Stream<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf);
        }
        if (claim instanceof String text) {
            return Stream.of(text.split("\\s+"));
        }
        return Stream.empty();
    }
}
