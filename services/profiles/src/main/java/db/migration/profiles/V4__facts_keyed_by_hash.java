package db.migration.profiles;

import io.aftercart.platform.store.DuckDbOnly;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Keys the facts by the {@link io.aftercart.platform.store.Md5Key} of their event id, a UUID, instead of the id's
 * text: DuckDB holds the indexes of a table being written in memory, where a UUID-like text key took 89 MB per
 * million rows and the hashed key takes 48 MB. The stored facts are carried over.
 */
public class V4__facts_keyed_by_hash extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE facts_keyed ("
                    + " fact_key     UUID           NOT NULL PRIMARY KEY,"
                    + " event_id     TEXT           NOT NULL,"
                    + " subject_id   TEXT           NOT NULL,"
                    + " anonymous    BOOLEAN        NOT NULL,"
                    + " event_time   TIMESTAMPTZ    NOT NULL,"
                    + " type         TEXT           NOT NULL,"
                    + " order_id     TEXT,"
                    + " ref_id       TEXT,"
                    + " amount       DECIMAL(20, 6),"
                    + " currency     TEXT,"
                    + " items        INTEGER,"
                    + " score        DECIMAL(6, 2),"
                    + " email_hash   TEXT,"
                    + " email_cipher TEXT,"
                    + " phone_hash   TEXT,"
                    + " phone_cipher TEXT,"
                    + " detail       TEXT)");
            statement.execute("INSERT INTO facts_keyed SELECT CAST(md5(event_id) AS UUID), event_id, subject_id,"
                    + " anonymous, event_time, type, order_id, ref_id, amount, currency, items, score, email_hash,"
                    + " email_cipher, phone_hash, phone_cipher, detail FROM facts");
            statement.execute("DROP TABLE facts");
            statement.execute("ALTER TABLE facts_keyed RENAME TO facts");
            if (!DuckDbOnly.isDuckDb(context)) {
                statement.execute("ALTER TABLE facts RENAME CONSTRAINT facts_keyed_pkey TO facts_pkey");
            }
            statement.execute("CREATE INDEX facts_subject ON facts (subject_id)");
        }
    }
}
