package io.aftercart.gateway.internal;

import io.aftercart.platform.security.KafkaWriteKeyDirectory;
import io.aftercart.platform.security.WriteKeyDirectory;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.web.BadInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Write keys of event sources, managed through the admin API: kept as SHA-256 hashes in the gateway's store (the
 * record of who created and revoked what) and published to the collector through the {@link WriteKeyDirectory}.
 */
public class ManagedWriteKeys {

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A key as listed; the key itself is only in {@link Created}. */
    public record WriteKey(String id, String source, String createdBy, Instant createdAt, Instant revokedAt) {
    }

    public record Created(String id, String source, String writeKey, Instant createdAt) {
    }

    private final ServiceStore store;
    private final KafkaWriteKeyDirectory directory;
    private final Clock clock;

    public ManagedWriteKeys(ServiceStore store, KafkaWriteKeyDirectory directory, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    public Created create(String source, String createdBy) {
        String key = SecretTokens.secret("wk_");
        return add(source, key, createdBy);
    }

    /** Adds a configured key unless it is already known (revoked keys stay revoked). */
    public void seed(String source, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A seeded write key of source " + source + " is empty");
        }
        boolean known = store.jdbc().sql("SELECT count(*) FROM write_keys WHERE key_hash = ?")
                .param(WriteKeyDirectory.hash(key)).query(Long.class).single() > 0;
        if (!known) {
            add(source, key, "configuration");
        }
    }

    public List<WriteKey> list() {
        return store.jdbc().sql("SELECT id, source, created_by, created_at, revoked_at FROM write_keys "
                + "ORDER BY created_at").query(ManagedWriteKeys::writeKey).list();
    }

    public boolean revoke(String id) {
        List<String> hashes = store.jdbc().sql("SELECT key_hash FROM write_keys WHERE id = ? AND revoked_at IS NULL")
                .param(id).query(String.class).list();
        if (hashes.isEmpty()) {
            return false;
        }
        directory.revoke(hashes.get(0));
        store.jdbc().sql("UPDATE write_keys SET revoked_at = ? WHERE id = ?")
                .params(Times.utc(clock.instant()), id).update();
        return true;
    }

    /** Publishes every live key again, so a directory topic that was lost or recreated is complete. */
    public void republish() {
        store.jdbc().sql("SELECT key_hash, source FROM write_keys WHERE revoked_at IS NULL")
                .query((row, n) -> {
                    directory.publish(row.getString("key_hash"), row.getString("source"));
                    return null;
                }).list();
    }

    private Created add(String source, String key, String createdBy) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new BadInputException(HttpStatus.BAD_REQUEST, "Invalid write key",
                    "source must be 1 to 64 letters, digits or . _ -", "source");
        }
        String id = SecretTokens.id();
        String hash = WriteKeyDirectory.hash(key);
        Instant now = clock.instant();
        store.jdbc().sql("INSERT INTO write_keys (id, key_hash, source, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, hash, source, createdBy, Times.utc(now)).update();
        directory.publish(hash, source);
        return new Created(id, source, key, now);
    }

    private static WriteKey writeKey(ResultSet row, int n) throws SQLException {
        return new WriteKey(row.getString("id"), row.getString("source"), row.getString("created_by"),
                Times.read(row, "created_at"), Times.read(row, "revoked_at"));
    }
}
