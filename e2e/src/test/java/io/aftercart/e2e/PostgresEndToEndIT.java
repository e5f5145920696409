package io.aftercart.e2e;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The end-to-end run on PostgreSQL (127.0.0.1:5432, user {@code postgres}), in a database of its own that is
 * created for the run and dropped afterwards, so the services' fixed schema names never collide between runs.
 */
class PostgresEndToEndIT extends EndToEndIT {

    private final String serverUrl = System.getProperty("aftercart.e2e.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private final String database = "e2e_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    protected List<String> storeArguments() throws SQLException {
        execute("CREATE DATABASE " + database);
        String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
        // on a shared database every replica must protect contact data with one configured key
        byte[] piiKey = new byte[32];
        new SecureRandom().nextBytes(piiKey);
        return List.of("--aftercart.store.url=" + url, "--aftercart.store.username=postgres",
                "--aftercart.profiles.pii-key=" + Base64.getEncoder().encodeToString(piiKey));
    }

    @Override
    protected void releaseStore() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
