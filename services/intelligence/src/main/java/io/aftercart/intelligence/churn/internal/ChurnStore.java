package io.aftercart.intelligence.churn.internal;

import io.aftercart.intelligence.churn.PurchaseSummary;
import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.BulkInsert.Column;
import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.ServiceStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The churn tables: order facts, purchase summaries (model versions live in {@link ModelVersionStore}). */
public final class ChurnStore {

    private static final int AMOUNT_SCALE = 4;
    private static final String AMOUNT = "DECIMAL(18, " + AMOUNT_SCALE + ")";
    private static final String SUMMARY_COLUMNS =
            "customer_id, purchase_days, first_purchase, last_purchase, repeat_spend, total_spend, currency";

    private static final BulkInsert FACTS = BulkInsert.newRowsOnly("churn_order_events", List.of(
            new Column("event_id", "VARCHAR"), new Column("customer_id", "VARCHAR"), new Column("order_id", "VARCHAR"),
            new Column("kind", "VARCHAR"), new Column("order_day", "DATE"), new Column("amount", AMOUNT),
            new Column("currency", "VARCHAR")), "event_id");
    private static final BulkInsert SUMMARIES = new BulkInsert("churn_customer_summaries", List.of(
            new Column("customer_id", "VARCHAR"), new Column("purchase_days", "INTEGER"),
            new Column("first_purchase", "DATE"), new Column("last_purchase", "DATE"),
            new Column("repeat_spend", AMOUNT), new Column("total_spend", AMOUNT),
            new Column("currency", "VARCHAR")),
            "ON CONFLICT (customer_id) DO UPDATE SET purchase_days = EXCLUDED.purchase_days,"
                    + " first_purchase = EXCLUDED.first_purchase, last_purchase = EXCLUDED.last_purchase,"
                    + " repeat_spend = EXCLUDED.repeat_spend, total_spend = EXCLUDED.total_spend,"
                    + " currency = EXCLUDED.currency");

    private final ServiceStore store;

    public ChurnStore(ServiceStore store) {
        this.store = store;
    }

    public ServiceStore store() {
        return store;
    }

    /**
     * Stores facts with distinct event ids; ids stored before are skipped. Call inside a transaction.
     *
     * @return the event ids of the facts that were new
     */
    public List<String> insertFacts(Collection<OrderFact> facts) {
        return FACTS.writeReturning(store, facts.stream().map(f -> new Object[] {f.eventId(), f.customerId(),
                f.orderId(), f.kind().name(), f.day(), f.amount(), f.currency()}).toList(), "event_id");
    }

    /** All facts of these customers. */
    public List<OrderFact> facts(Collection<String> customerIds) {
        List<OrderFact> result = new ArrayList<>();
        for (List<Object> chunk : InList.chunks(customerIds)) {
            result.addAll(store.jdbc().sql("SELECT event_id, customer_id, order_id, kind, order_day, amount, currency"
                            + " FROM churn_order_events WHERE " + InList.of("customer_id", chunk))
                    .params(chunk)
                    .query((row, i) -> new OrderFact(row.getString("event_id"), row.getString("customer_id"),
                            row.getString("order_id"), OrderFact.Kind.valueOf(row.getString("kind")),
                            date(row, "order_day"), row.getBigDecimal("amount"), row.getString("currency")))
                    .list());
        }
        return result;
    }

    /**
     * Replaces the summaries of these customers; those without any purchase left are removed.
     *
     * @param current the summaries of those of the customers that have purchases
     * @return those summaries as stored, amounts at the columns' scale: what {@link #summary} reads back
     */
    public List<PurchaseSummary> replaceSummaries(Collection<String> customerIds, List<PurchaseSummary> current) {
        Set<String> kept = new HashSet<>();
        current.forEach(s -> kept.add(s.customerId()));
        for (List<Object> chunk : InList.chunks(customerIds.stream().filter(id -> !kept.contains(id)).toList())) {
            store.jdbc().sql("DELETE FROM churn_customer_summaries WHERE " + InList.of("customer_id", chunk))
                    .params(chunk).update();
        }
        List<PurchaseSummary> stored = current.stream().map(ChurnStore::asStored).toList();
        SUMMARIES.write(store, stored.stream().map(s -> new Object[] {s.customerId(), s.purchaseDays(),
                s.firstPurchase(), s.lastPurchase(), s.repeatSpend(), s.totalSpend(), s.currency()}).toList());
        return stored;
    }

    public Optional<PurchaseSummary> summary(String customerId) {
        return store.jdbc().sql("SELECT " + SUMMARY_COLUMNS + " FROM churn_customer_summaries WHERE customer_id = ?")
                .param(customerId).query(ChurnStore::summary).optional();
    }

    /** Every summary, optionally only those whose past value reaches a threshold. */
    public List<PurchaseSummary> summaries(BigDecimal minimumTotalSpend) {
        if (minimumTotalSpend == null) {
            return store.jdbc().sql("SELECT " + SUMMARY_COLUMNS + " FROM churn_customer_summaries")
                    .query(ChurnStore::summary).list();
        }
        return store.jdbc().sql("SELECT " + SUMMARY_COLUMNS + " FROM churn_customer_summaries WHERE total_spend >= ?")
                .param(minimumTotalSpend).query(ChurnStore::summary).list();
    }

    /** Amounts rounded to the columns' scale as both stores round them (half up), so no read-back is needed. */
    private static PurchaseSummary asStored(PurchaseSummary s) {
        return new PurchaseSummary(s.customerId(), s.purchaseDays(), s.firstPurchase(), s.lastPurchase(),
                s.repeatSpend().setScale(AMOUNT_SCALE, RoundingMode.HALF_UP),
                s.totalSpend().setScale(AMOUNT_SCALE, RoundingMode.HALF_UP), s.currency());
    }

    private static PurchaseSummary summary(ResultSet row, int rowNum) throws SQLException {
        return new PurchaseSummary(row.getString("customer_id"), row.getInt("purchase_days"),
                date(row, "first_purchase"), date(row, "last_purchase"), row.getBigDecimal("repeat_spend"),
                row.getBigDecimal("total_spend"), row.getString("currency"));
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
