package io.aftercart.platform.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;

/**
 * Steps of Java migrations that apply to DuckDB only, where the one set of migrations of a service has to differ.
 * DuckDB reads an ART index only for highly selective look-ups, yet updates it on every insert, so an index that
 * serves PostgreSQL's range or low-selectivity queries is pure cost there.
 */
public final class DuckDbOnly {

    private DuckDbOnly() {
    }

    /** Drops the index when the migrated database is DuckDB; other databases keep it. */
    public static void dropIndex(Context context, String index) throws SQLException {
        if (isDuckDb(context)) {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute("DROP INDEX IF EXISTS " + index);
            }
        }
    }

    /** Whether the database being migrated is DuckDB. */
    public static boolean isDuckDb(Context context) throws SQLException {
        return context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("duckdb");
    }
}
