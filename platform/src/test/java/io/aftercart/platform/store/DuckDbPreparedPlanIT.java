package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the DuckDB behaviour behind the rule in {@link ServiceStore}: outside a transaction, a statement without
 * parameters runs the plan made when it was prepared, and that plan may fold a filter away on the table statistics
 * of that moment, so rows another connection commits in between are missed; a statement with a parameter is planned
 * again when it runs. If a DuckDB upgrade makes the first case fresh, this test fails and the rule can go.
 */
class DuckDbPreparedPlanIT {

    @Test
    void aStatementWithoutParametersAnswersFromThePlanMadeAtPrepare(@TempDir Path dataDir) throws SQLException {
        assertThat(countAfterConcurrentInsert(dataDir, "SELECT count(*) FROM bulk_rows WHERE n > 250", false))
                .as("stale: the plan knew only n = 1").isZero();
    }

    @Test
    void aStatementWithAParameterAnswersFromTheDataAtExecute(@TempDir Path dataDir) throws SQLException {
        assertThat(countAfterConcurrentInsert(dataDir, "SELECT count(*) FROM bulk_rows WHERE n > ?", true))
                .isEqualTo(1);
    }

    /** Prepares {@code sql} while the table holds n = 1, commits n = 300 from another connection, then executes. */
    private static long countAfterConcurrentInsert(Path dataDir, String sql, boolean bindThreshold)
            throws SQLException {
        try (ServiceStores stores = new ServiceStores(new StoreProperties(null, null, null, 2), dataDir)) {
            ServiceStore store = stores.open("bulktest", "plans");
            store.jdbc().sql("INSERT INTO bulk_rows (id, n) VALUES ('low', 1)").update();
            try (Connection reader = store.dataSource().getConnection();
                    Connection writer = store.dataSource().getConnection();
                    PreparedStatement query = reader.prepareStatement(sql)) {
                if (bindThreshold) {
                    query.setLong(1, 250);
                }
                try (PreparedStatement insert = writer.prepareStatement(
                        "INSERT INTO bulk_rows (id, n) VALUES ('high', 300)")) {
                    insert.executeUpdate();
                }
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }
}
