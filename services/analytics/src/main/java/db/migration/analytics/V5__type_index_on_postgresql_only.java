package db.migration.analytics;

import io.aftercart.platform.store.DuckDbOnly;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the index on {@code events.type} on DuckDB: with some twenty types, no filter on a type is selective enough
 * for DuckDB to read it, while every stored event was inserted into it. PostgreSQL keeps it for counts by type and
 * for replays of some types.
 */
public class V5__type_index_on_postgresql_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        DuckDbOnly.dropIndex(context, "events_type");
    }
}
