package io.aftercart.platform.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A fixed 16-byte key for a text id of any length: the MD5 of its UTF-8 bytes as a UUID, as SQL's
 * {@code CAST(md5(id) AS UUID)} computes it on DuckDB and PostgreSQL alike. DuckDB keeps a primary key's index in
 * memory, where such a key takes about half the room of a UUID-like text id, and checks it faster.
 *
 * <p>Two ids of one key would count as one. Only ids made to collide on purpose do, and MD5 gives no way to make an
 * id collide with one its maker does not choose, so a client can at most lose its own events.
 */
public final class Md5Key {

    private Md5Key() {
    }

    public static UUID of(String id) {
        try {
            ByteBuffer digest =
                    ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(id.getBytes(StandardCharsets.UTF_8)));
            return new UUID(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }
}
