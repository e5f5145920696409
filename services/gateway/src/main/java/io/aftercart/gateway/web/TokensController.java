package io.aftercart.gateway.web;

import io.aftercart.gateway.Role;
import io.aftercart.gateway.internal.ApiTokens;
import io.aftercart.platform.web.BadInputException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own identity and API tokens; a token is shown in the answer to its creation and never again. */
@RestController
public class TokensController {

    public record Me(String username, List<String> authorities) {
    }

    public record NewToken(String name) {
    }

    private final ApiTokens tokens;

    public TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/me")
    public Me me(Authentication caller) {
        return new Me(caller.getName(), caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    @GetMapping("/api/v1/tokens")
    public List<ApiTokens.Token> list(Authentication caller) {
        return tokens.listOf(localUser(caller));
    }

    @PostMapping("/api/v1/tokens")
    public ResponseEntity<ApiTokens.Created> create(@RequestBody NewToken request, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(localUser(caller), request.name()));
    }

    /** Revokes one of the caller's tokens; an admin (of either sign-in) may revoke anybody's. */
    @DeleteMapping("/api/v1/tokens/{id}")
    public ResponseEntity<Void> revoke(@PathVariable String id, Authentication caller) {
        boolean admin = Roles.has(caller, Role.ADMIN);
        if (!tokens.revoke(id, admin ? caller.getName() : localUser(caller), admin)) {
            throw new BadInputException(HttpStatus.NOT_FOUND, "Unknown token", "You have no live token with this id",
                    "id");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * API tokens belong to Aftercart's own accounts: a user signed in by the identity provider may carry the name of
     * a local account, and must not get or manage tokens that act as that account.
     */
    private static String localUser(Authentication caller) {
        if (caller instanceof JwtAuthenticationToken) {
            throw new BadInputException(HttpStatus.FORBIDDEN, "Local accounts only",
                    "API tokens belong to Aftercart accounts; users of the identity provider use its tokens",
                    "Authorization");
        }
        return caller.getName();
    }
}
