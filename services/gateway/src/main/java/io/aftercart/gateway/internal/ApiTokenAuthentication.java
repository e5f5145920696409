package io.aftercart.gateway.internal;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request signed with an API token: its principal is the token's user, acting with the user's current role. */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final String tokenId;

    public ApiTokenAuthentication(String username, String tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public String tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }
}
