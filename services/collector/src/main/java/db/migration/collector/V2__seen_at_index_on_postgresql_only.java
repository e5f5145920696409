package db.migration.collector;

import io.aftercart.platform.store.DuckDbOnly;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the {@code seen_at} index of {@code seen_messages} on DuckDB, where it only cost: DuckDB never reads an
 * index for the hourly range delete of expired ids (the table's zone maps prune it, as ids arrive in time order),
 * yet every flush inserted its ids into it, all of one batch under the same key. PostgreSQL keeps it for that delete.
 */
public class V2__seen_at_index_on_postgresql_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        DuckDbOnly.dropIndex(context, "seen_messages_seen_at");
    }
}
