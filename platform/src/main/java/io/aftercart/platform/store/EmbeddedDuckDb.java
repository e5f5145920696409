package io.aftercart.platform.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The one DuckDB instance of a process. Each service's database file is attached to it, so all of them share one
 * buffer pool under one memory limit, and one set of worker threads, instead of each file growing its own. A
 * service's connections start in its own database ({@code USE}), so its SQL names its tables as it always did, and
 * each database keeps its own write-ahead log and checkpoints.
 */
final class EmbeddedDuckDb implements AutoCloseable {

    private static final String URL_PREFIX = "jdbc:duckdb:";

    private final Properties settings = new Properties();
    private final DuckDBConnection instance;
    /**
     * The connections handed out and not seen closed yet. A pool shut down while it adds a connection leaves that one
     * open (HikariCP logs "ConcurrentBag has been closed, ignoring add()" and drops it), and any open connection keeps
     * the instance, and its files, attached: reopening the data directory in the same process then fails.
     */
    private final Set<Connection> handedOut = ConcurrentHashMap.newKeySet();

    EmbeddedDuckDb(StoreProperties properties, Path dataDir) {
        settings.setProperty("memory_limit", properties.duckdbMemoryLimit());
        settings.setProperty("checkpoint_threshold", properties.duckdbCheckpointThreshold());
        settings.setProperty("threads", Integer.toString(properties.duckdbThreads()));
        // Results and inserts in input order go through DuckDB's batch-indexed collectors; under sustained load one
        // of them failed with "BatchedDataCollection::Merge error - batch index 1 is present in both collections",
        // a fatal error that invalidates the whole instance, every service's database with it. Nothing here relies
        // on that order: every query that needs one says ORDER BY, as PostgreSQL requires anyway.
        settings.setProperty("preserve_insertion_order", "false");
        // an in-memory instance would spill query work to ./.tmp, wherever the process was started
        settings.setProperty("temp_directory", dataDir.resolve("duckdb.tmp").toString());
        try {
            instance = (DuckDBConnection) DriverManager.getConnection(URL_PREFIX, settings);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start the embedded DuckDB instance", e);
        }
    }

    /**
     * Migrates the file, then attaches it as {@code name}. Migrations run on the file opened alone because Flyway's
     * DuckDB support finds its history table by schema name only, and every attached database has a schema
     * {@code main}.
     *
     * @return connections to the attached database
     */
    DataSource attach(Path file, String name, Consumer<DataSource> migrate) {
        try {
            try (Connection alone = DriverManager.getConnection(URL_PREFIX + file, settings)) {
                migrate.accept(new SingleConnectionDataSource(alone, true));
            }
            try (Statement statement = instance.createStatement()) {
                statement.execute("ATTACH " + literal(file.toString()) + " AS " + identifier(name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the DuckDB database " + file, e);
        }
        return new AttachedDatabase(identifier(name));
    }

    /** Bytes of memory the instance holds, per DuckDB memory tag ({@code ART_INDEX}, {@code BASE_TABLE}, ...). */
    Map<String, Long> memoryByTag() {
        Map<String, Long> bytes = new TreeMap<>();
        try (Connection connection = instance.duplicate(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT tag, memory_usage_bytes FROM duckdb_memory()")) {
            while (rows.next()) {
                bytes.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the embedded DuckDB instance's memory use", e);
        }
        return bytes;
    }

    @Override
    public void close() {
        try {
            for (Connection connection : handedOut) {
                connection.close();
            }
            instance.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the embedded DuckDB instance", e);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** New connections of the shared instance whose default database is one attached file. */
    private final class AttachedDatabase extends AbstractDataSource {

        private final String database;

        private AttachedDatabase(String database) {
            this.database = database;
        }

        @Override
        public Connection getConnection() throws SQLException {
            handedOut.removeIf(EmbeddedDuckDb::isClosed);
            Connection connection = instance.duplicate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("USE " + database);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            handedOut.add(connection);
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
