package io.aftercart.profiles.internal;

import static io.aftercart.profiles.internal.Sql.utc;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.BulkInsert.Column;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.profiles.CustomerProfile;
import io.aftercart.profiles.ProfileFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code profiles} table: one row per customer, upserted in batches. */
public class ProfileRepository {

    private static final List<Column> COLUMNS = List.of(new Column("customer_id", "TEXT"),
            new Column("order_count", "INTEGER"), new Column("net_revenue", "DECIMAL(20, 6)"),
            new Column("last_order_at", "TIMESTAMPTZ"), new Column("nps_class", "TEXT"),
            new Column("at_risk", "BOOLEAN"), new Column("email_hash", "TEXT"), new Column("email_cipher", "TEXT"),
            new Column("phone_hash", "TEXT"), new Column("phone_cipher", "TEXT"), new Column("body", "TEXT"));
    private static final BulkInsert UPSERT = new BulkInsert("profiles", COLUMNS,
            "ON CONFLICT (customer_id) DO UPDATE SET " + String.join(", ", COLUMNS.subList(1, COLUMNS.size()).stream()
                    .map(c -> c.name() + " = excluded." + c.name()).toList()));
    private static final String SELECT_STORED =
            "SELECT customer_id, body, email_hash, email_cipher, phone_hash, phone_cipher FROM profiles";

    private final ServiceStore store;

    public ProfileRepository(ServiceStore store) {
        this.store = store;
    }

    /** Inserts or replaces profiles (distinct customer ids). */
    public void upsert(Collection<FoldedProfile> profiles) {
        List<Object[]> rows = new ArrayList<>();
        for (FoldedProfile folded : profiles) {
            CustomerProfile p = folded.profile();
            rows.add(new Object[] {p.customerId(), p.orderCount(), Sql.scaled(p.netRevenue(), 6),
                    utc(p.lastOrderAt()), p.npsClass(), p.atRisk(),
                    folded.email() == null ? null : folded.email().hash(),
                    folded.email() == null ? null : folded.email().cipher(),
                    folded.phone() == null ? null : folded.phone().hash(),
                    folded.phone() == null ? null : folded.phone().cipher(),
                    ProfileJson.write(p)});
        }
        UPSERT.write(store, rows);
    }

    public void delete(Collection<String> customerIds) {
        for (List<String> chunk : Sql.chunks(customerIds)) {
            store.jdbc().sql("DELETE FROM profiles WHERE customer_id IN (" + Sql.placeholders(chunk.size()) + ")")
                    .params(chunk).update();
        }
    }

    public Map<String, StoredProfile> storedOf(Collection<String> customerIds) {
        Map<String, StoredProfile> stored = new HashMap<>();
        for (List<String> chunk : Sql.chunks(customerIds)) {
            store.jdbc().sql(SELECT_STORED + " WHERE customer_id IN (" + Sql.placeholders(chunk.size()) + ")")
                    .params(chunk).query(ProfileRepository::stored).list()
                    .forEach(p -> stored.put(p.customerId(), p));
        }
        return stored;
    }

    public Optional<StoredProfile> find(String customerId) {
        return store.jdbc().sql(SELECT_STORED + " WHERE customer_id = ?").param(customerId)
                .query(ProfileRepository::stored).optional();
    }

    /**
     * Profiles matching {@code filter}, ordered by customer id, after {@code afterId} when given.
     *
     * @param emailHash the keyed hash of the filter's e-mail address, or null
     */
    public List<CustomerProfile> list(ProfileFilter filter, String emailHash, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT body FROM profiles WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(sql, params, "order_count >= ?", filter.minOrders());
        condition(sql, params, "order_count <= ?", filter.maxOrders());
        condition(sql, params, "net_revenue >= ?", filter.minRevenue());
        condition(sql, params, "net_revenue <= ?", filter.maxRevenue());
        condition(sql, params, "last_order_at < ?", utc(filter.lastOrderBefore()));
        condition(sql, params, "last_order_at > ?", utc(filter.lastOrderAfter()));
        condition(sql, params, "nps_class = ?", filter.npsClass());
        condition(sql, params, "at_risk = ?", filter.atRisk());
        condition(sql, params, "email_hash = ?", emailHash);
        condition(sql, params, "customer_id > ?", afterId);
        sql.append(" ORDER BY customer_id LIMIT ?");
        params.add(limit);
        return store.jdbc().sql(sql.toString()).params(params)
                .query((row, n) -> ProfileJson.read(row.getString("body"))).list();
    }

    public long count() {
        return store.jdbc().sql("SELECT COUNT(*) FROM profiles").query(Long.class).single();
    }

    public void deleteAll() {
        store.jdbc().sql("DELETE FROM profiles").update();
    }

    private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static StoredProfile stored(ResultSet row, int rowNum) throws SQLException {
        return new StoredProfile(row.getString("customer_id"), row.getString("body"),
                protectedValue(row.getString("email_hash"), row.getString("email_cipher")),
                protectedValue(row.getString("phone_hash"), row.getString("phone_cipher")));
    }

    private static ProtectedValue protectedValue(String hash, String cipher) {
        return hash == null ? null : new ProtectedValue(hash, cipher);
    }
}
