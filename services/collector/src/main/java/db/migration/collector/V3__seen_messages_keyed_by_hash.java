package db.migration.collector;

import io.aftercart.platform.store.DuckDbOnly;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Keys the dedupe window by the MD5 of each messageId as a UUID (as {@code MessageIdIndex} computes it) instead of the
 * messageId's text, of up to 200 characters: DuckDB checks a flush's ids against a fixed 16-byte primary key about
 * 3.5 times faster (5,000 new ids against 2 million: 21-24 ms instead of 72-90 ms), and the key takes less room.
 * The ids already stored are carried over, so the window survives the upgrade. The {@code seen_at} index serves
 * PostgreSQL's purge of expired keys only (see V2), so DuckDB does without it.
 */
public class V3__seen_messages_keyed_by_hash extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE seen_message_keys (message_key UUID PRIMARY KEY,"
                    + " seen_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            statement.execute("INSERT INTO seen_message_keys (message_key, seen_at)"
                    + " SELECT CAST(md5(message_id) AS UUID), seen_at FROM seen_messages");
            statement.execute("DROP TABLE seen_messages");
            if (!DuckDbOnly.isDuckDb(context)) {
                statement.execute("CREATE INDEX seen_message_keys_seen_at ON seen_message_keys (seen_at)");
            }
        }
    }
}
