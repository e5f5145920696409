package db.migration.analytics;

import io.aftercart.platform.store.DuckDbOnly;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Keys the events by the {@link io.aftercart.platform.store.Md5Key} of their id, a UUID, instead of the id's text,
 * and drops DuckDB's index on {@code (customer_id, event_time)}.
 *
 * <p>DuckDB holds the indexes of a table being written in memory, under its memory limit. Per million UUID-like ids,
 * the text primary key took 89 MB there and the hashed key takes 48 MB; the customer index took another 51 MB and
 * was never read, as DuckDB scans for a customer's events all the same. PostgreSQL keeps both of its indexes. The
 * stored events are carried over. (The gain depends on the ids: short, sequential text ids share prefixes that
 * DuckDB's index compresses, random UUIDs do not; the Segment SDKs send UUIDs.)
 */
public class V7__events_keyed_by_hash extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE events_keyed ("
                    + " event_key    UUID        NOT NULL PRIMARY KEY,"
                    + " id           TEXT        NOT NULL,"
                    + " type         TEXT        NOT NULL,"
                    + " schema_ref   TEXT,"
                    + " source       TEXT,"
                    + " event_time   TIMESTAMPTZ NOT NULL,"
                    + " received_at  TIMESTAMPTZ,"
                    + " customer_id  TEXT,"
                    + " anonymous_id TEXT,"
                    + " properties   JSON,"
                    + " context      JSON,"
                    + " stored_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO events_keyed SELECT CAST(md5(id) AS UUID), id, type, schema_ref, source,"
                    + " event_time, received_at, customer_id, anonymous_id, properties, context, stored_at FROM events");
            statement.execute("DROP TABLE events");
            statement.execute("ALTER TABLE events_keyed RENAME TO events");
            if (!DuckDbOnly.isDuckDb(context)) {
                statement.execute("ALTER TABLE events RENAME CONSTRAINT events_keyed_pkey TO events_pkey");
                statement.execute("CREATE INDEX events_customer_time ON events (customer_id, event_time)");
                statement.execute("CREATE INDEX events_type ON events (type)");
            }
        }
    }
}
