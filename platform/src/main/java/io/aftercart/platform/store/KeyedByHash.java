package io.aftercart.platform.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * The step of a migration that re-keys a table by the {@link Md5Key} of a text id, a UUID, instead of the id's text:
 * DuckDB holds the indexes of a table being written in memory, where a UUID-like text key takes 89 MB per million
 * rows and the hashed key 48 MB. SQL's {@code CAST(md5(id) AS UUID)} computes the same key on both databases, so the
 * stored rows are carried over and stay stored once.
 */
public final class KeyedByHash {

    private KeyedByHash() {
    }

    /**
     * Replaces {@code table} by one declared with {@code definition} (what {@code CREATE TABLE} takes in parentheses,
     * with the key column and the primary key), copying each row's {@code copied} columns and setting
     * {@code keyColumn} to the MD5 of {@code idColumn}. The table keeps its name, and on PostgreSQL its primary key's
     * name; its other indexes go with the old table, for the caller to create again.
     */
    public static void rebuild(Context context, String table, String definition, String keyColumn, String idColumn,
            List<String> copied) throws SQLException {
        String rebuilt = table + "_keyed";
        String columns = String.join(", ", copied);
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE " + rebuilt + " (" + definition + ")");
            statement.execute("INSERT INTO " + rebuilt + " (" + keyColumn + ", " + columns + ") SELECT CAST(md5("
                    + idColumn + ") AS UUID), " + columns + " FROM " + table);
            statement.execute("DROP TABLE " + table);
            statement.execute("ALTER TABLE " + rebuilt + " RENAME TO " + table);
            if (!DuckDbOnly.isDuckDb(context)) {
                statement.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + rebuilt + "_pkey TO " + table
                        + "_pkey");
            }
        }
    }
}
