package io.aftercart.profiles.internal;

import io.aftercart.contracts.EventJson;
import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.BulkInsert.Column;
import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.ServiceStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code predictions} (latest per id) and {@code sentiments} (once per scored event) tables. */
public class ScoreRepository {

    private static final BulkInsert PREDICTIONS = new BulkInsert("predictions",
            List.of(new Column("customer_id", "TEXT"), new Column("body", "TEXT")),
            "ON CONFLICT (customer_id) DO UPDATE SET body = excluded.body");
    private static final BulkInsert SENTIMENTS = BulkInsert.newRowsOnly("sentiments", List.of(
            new Column("event_id", "TEXT"), new Column("customer_id", "TEXT"), new Column("body", "TEXT")), "event_id");

    private final ServiceStore store;

    public ScoreRepository(ServiceStore store) {
        this.store = store;
    }

    /** Keeps the last prediction per customer of {@code predictions} (given in log order). */
    public void upsertPredictions(List<Prediction> predictions) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        predictions.forEach(p -> rows.put(p.customerId(), new Object[] {p.customerId(), p.toJson()}));
        PREDICTIONS.write(store, new ArrayList<>(rows.values()));
    }

    public void insertSentiments(List<SentimentResult> results) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        results.forEach(r -> rows.putIfAbsent(r.eventId(), new Object[] {r.eventId(), r.customerId(), r.toJson()}));
        SENTIMENTS.write(store, new ArrayList<>(rows.values()));
    }

    public Map<String, Prediction> predictionsOf(Collection<String> customerIds) {
        Map<String, Prediction> predictions = new HashMap<>();
        for (List<Object> chunk : InList.chunks(customerIds)) {
            store.jdbc().sql("SELECT customer_id, body FROM predictions WHERE " + InList.of("customer_id", chunk))
                    .params(chunk).query(row -> {
                        predictions.put(row.getString("customer_id"),
                                EventJson.mapper().readValue(row.getString("body"), Prediction.class));
                    });
        }
        return predictions;
    }

    public List<SentimentResult> sentimentsOf(Collection<String> customerIds) {
        List<SentimentResult> sentiments = new ArrayList<>();
        for (List<Object> chunk : InList.chunks(customerIds)) {
            sentiments.addAll(store.jdbc().sql("SELECT body FROM sentiments WHERE " + InList.of("customer_id", chunk))
                    .params(chunk)
                    .query((row, n) -> EventJson.mapper().readValue(row.getString("body"), SentimentResult.class))
                    .list());
        }
        return sentiments;
    }

    public void deleteAll() {
        store.jdbc().sql("DELETE FROM predictions").update();
        store.jdbc().sql("DELETE FROM sentiments").update();
    }
}
