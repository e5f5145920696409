package io.aftercart.gateway.internal;

import io.aftercart.gateway.Role;
import io.aftercart.platform.security.WriteKeyDirectory;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.web.BadInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * API tokens: created by a user for scripts and integrations, shown once, kept as SHA-256 hashes (tokens are 192
 * random bits, so a fast hash cannot be reversed), revocable. A token acts with its user's current role.
 */
public class ApiTokens {

    /** Every token starts with it, so a token is recognisable in a secret scanner and told apart from a JWT. */
    public static final String PREFIX = "act_";
    private static final int MAX_NAME_LENGTH = 100;

    /** A token as listed; the secret itself is only in {@link Created}. */
    public record Token(String id, String name, String username, Instant createdAt, Instant revokedAt) {
    }

    public record Created(String id, String name, String token, Instant createdAt) {
    }

    /** The user a token signs in, and the token's id. */
    public record Holder(String tokenId, String username, Role role) {
    }

    private final ServiceStore store;
    private final Clock clock;

    public ApiTokens(ServiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Created create(String username, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Invalid token", "name must be 1 to "
                    + MAX_NAME_LENGTH + " characters", "name");
        }
        String id = SecretTokens.id();
        String token = SecretTokens.secret(PREFIX);
        Instant now = clock.instant();
        store.jdbc().sql("INSERT INTO api_tokens (id, token_hash, username, name, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, WriteKeyDirectory.hash(token), username, name.strip(), Times.utc(now)).update();
        return new Created(id, name.strip(), token, now);
    }

    /**
     * Who a live (not revoked) token of an enabled user signs in, with the user's current role: one query, as it runs
     * on every request that carries a token.
     */
    public Optional<Holder> authenticate(String token) {
        return store.jdbc().sql("SELECT t.id, u.username, u.role FROM api_tokens t"
                        + " JOIN users u ON u.username = t.username"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.enabled")
                .param(WriteKeyDirectory.hash(token))
                .query((row, n) -> new Holder(row.getString("id"), row.getString("username"),
                        Role.valueOf(row.getString("role"))))
                .optional();
    }

    public List<Token> listOf(String username) {
        return store.jdbc().sql("SELECT id, name, username, created_at, revoked_at FROM api_tokens "
                        + "WHERE username = ? ORDER BY created_at")
                .param(username).query(ApiTokens::token).list();
    }

    /** Revokes one of the user's tokens (any user's when {@code anyUser}); false when there is no such live token. */
    public boolean revoke(String id, String username, boolean anyUser) {
        return store.jdbc().sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"
                        + (anyUser ? "" : " AND username = ?"))
                .params(anyUser ? List.of(Times.utc(clock.instant()), id)
                        : List.of(Times.utc(clock.instant()), id, username))
                .update() > 0;
    }

    /** Revokes every token of a user (when he is deleted). */
    public void revokeAllOf(String username) {
        store.jdbc().sql("UPDATE api_tokens SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL")
                .params(Times.utc(clock.instant()), username).update();
    }

    private static Token token(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Token(row.getString("id"), row.getString("name"), row.getString("username"),
                Times.read(row, "created_at"), Times.read(row, "revoked_at"));
    }
}
