package db.migration.intelligence;

import io.aftercart.platform.store.KeyedByHash;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Keys the churn model's order facts and the recommender's order lines, one or more rows per event, by the MD5 of
 * their event id ({@link KeyedByHash}); the churn facts keep their index by customer.
 */
public class V40__order_facts_keyed_by_hash extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        KeyedByHash.rebuild(context, "churn_order_events", "event_key UUID NOT NULL PRIMARY KEY,"
                        + " event_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, order_id VARCHAR NOT NULL,"
                        + " kind VARCHAR NOT NULL, order_day DATE, amount DECIMAL(18, 4), currency VARCHAR",
                "event_key", "event_id",
                List.of("event_id", "customer_id", "order_id", "kind", "order_day", "amount", "currency"));
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX churn_order_events_customer ON churn_order_events (customer_id)");
        }
        KeyedByHash.rebuild(context, "recommend_order_lines", "event_key UUID NOT NULL, line_index INTEGER NOT NULL,"
                        + " event_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, customer_id VARCHAR NOT NULL,"
                        + " order_id VARCHAR, product_id VARCHAR NOT NULL, name VARCHAR, category VARCHAR,"
                        + " quantity INTEGER NOT NULL, event_time TIMESTAMP WITH TIME ZONE NOT NULL,"
                        + " PRIMARY KEY (event_key, line_index)",
                "event_key", "event_id", List.of("line_index", "event_id", "kind", "customer_id", "order_id",
                        "product_id", "name", "category", "quantity", "event_time"));
    }
}
