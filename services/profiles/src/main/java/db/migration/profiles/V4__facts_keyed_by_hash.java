package db.migration.profiles;

import io.aftercart.platform.store.KeyedByHash;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Keys the facts by the MD5 of their event id ({@link KeyedByHash}), keeping the index by subject. */
public class V4__facts_keyed_by_hash extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        KeyedByHash.rebuild(context, "facts", "fact_key UUID NOT NULL PRIMARY KEY, event_id TEXT NOT NULL,"
                        + " subject_id TEXT NOT NULL, anonymous BOOLEAN NOT NULL, event_time TIMESTAMPTZ NOT NULL,"
                        + " type TEXT NOT NULL, order_id TEXT, ref_id TEXT, amount DECIMAL(20, 6), currency TEXT,"
                        + " items INTEGER, score DECIMAL(6, 2), email_hash TEXT, email_cipher TEXT, phone_hash TEXT,"
                        + " phone_cipher TEXT, detail TEXT",
                "fact_key", "event_id", List.of("event_id", "subject_id", "anonymous", "event_time", "type",
                        "order_id", "ref_id", "amount", "currency", "items", "score", "email_hash", "email_cipher",
                        "phone_hash", "phone_cipher", "detail"));
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX facts_subject ON facts (subject_id)");
        }
    }
}
