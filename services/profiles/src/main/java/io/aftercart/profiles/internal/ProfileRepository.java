package io.aftercart.profiles.internal;

import static io.aftercart.profiles.internal.Sql.utc;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.BulkInsert.Column;
import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code profiles} table: one row per customer, replaced in batches. On DuckDB a changed profile is deleted and
 * inserted again rather than updated in place: a poll changes profiles scattered over the whole table, and DuckDB
 * sizes an in-place update by whole vectors of every column it touches, so a commit's estimated WAL grows with the
 * table until every commit checkpoints (with a 16MB threshold, from some 70,000 profiles on: 0.4-0.6 s per poll,
 * measured). Deletes and appends stay proportional to the poll, and took half the time of the in-place update at
 * 100,000. PostgreSQL updates in place ({@code ON CONFLICT DO UPDATE}): one statement instead of two, and as no
 * updated column is indexed, the new row versions need no new index entries.
 */
public class ProfileRepository {

    private static final List<Column> COLUMNS = List.of(new Column("customer_id", "TEXT"),
            new Column("order_count", "INTEGER"), new Column("net_revenue", "DECIMAL(20, 6)"),
            new Column("last_order_at", "TIMESTAMPTZ"), new Column("nps_class", "TEXT"),
            new Column("at_risk", "BOOLEAN"), new Column("email_hash", "TEXT"), new Column("email_cipher", "TEXT"),
            new Column("phone_hash", "TEXT"), new Column("phone_cipher", "TEXT"), new Column("body", "TEXT"),
            new Column("fold_state", "TEXT"));
    private static final BulkInsert INSERT = new BulkInsert("profiles", COLUMNS, "");
    private static final BulkInsert UPSERT = new BulkInsert("profiles", COLUMNS,
            "ON CONFLICT (customer_id) DO UPDATE SET " + COLUMNS.stream().skip(1)
                    .map(c -> c.name() + " = EXCLUDED." + c.name()).collect(Collectors.joining(", ")));
    private static final String SELECT_STORED =
            "SELECT customer_id, body, email_hash, email_cipher, phone_hash, phone_cipher FROM profiles";
    private static final String SELECT_STORED_FOR_FOLDING =
            "SELECT customer_id, body, email_hash, email_cipher, phone_hash, phone_cipher, fold_state FROM profiles";

    private final ServiceStore store;

    public ProfileRepository(ServiceStore store) {
        this.store = store;
    }

    /**
     * Inserts or replaces profiles (distinct customer ids) with their fold states.
     *
     * @param stored the customer ids that have a row now (a superset will do): on DuckDB only their rows are
     *               deleted before the insert, sparing new customers a delete that finds nothing, yet costs an index
     *               lookup per id
     */
    public void upsert(Collection<FoldedProfile> profiles, Set<String> stored) {
        List<Object[]> rows = new ArrayList<>();
        for (FoldedProfile folded : profiles) {
            CustomerProfile p = folded.profile();
            StoredProfile row = folded.stored();
            rows.add(new Object[] {p.customerId(), p.orderCount(), Sql.scaled(p.netRevenue(), 6),
                    utc(p.lastOrderAt()), p.npsClass(), p.atRisk(),
                    row.email() == null ? null : row.email().hash(),
                    row.email() == null ? null : row.email().cipher(),
                    row.phone() == null ? null : row.phone().hash(),
                    row.phone() == null ? null : row.phone().cipher(),
                    row.body(), row.foldState()});
        }
        if (store.dialect() == SqlDialect.POSTGRESQL) {
            UPSERT.write(store, rows);
        } else {
            delete(profiles.stream().map(f -> f.profile().customerId()).filter(stored::contains).toList());
            INSERT.write(store, rows);
        }
    }

    public void delete(Collection<String> customerIds) {
        for (List<Object> chunk : InList.chunks(customerIds)) {
            store.jdbc().sql("DELETE FROM profiles WHERE " + InList.of("customer_id", chunk)).params(chunk).update();
        }
    }

    /** The rows of those of {@code customerIds} that have a profile, with their fold states. */
    public Map<String, StoredProfile> storedOf(Collection<String> customerIds) {
        Map<String, StoredProfile> stored = new HashMap<>();
        for (List<Object> chunk : InList.chunks(customerIds)) {
            store.jdbc().sql(SELECT_STORED_FOR_FOLDING + " WHERE " + InList.of("customer_id", chunk)).params(chunk)
                    .query((row, n) -> stored(row, row.getString("fold_state"))).list()
                    .forEach(p -> stored.put(p.customerId(), p));
        }
        return stored;
    }

    /** The customer's row without its fold state, which only folding needs. */
    public Optional<StoredProfile> find(String customerId) {
        return store.jdbc().sql(SELECT_STORED + " WHERE customer_id = ?").param(customerId)
                .query((row, n) -> stored(row, null)).optional();
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

    private static StoredProfile stored(ResultSet row, String foldState) throws SQLException {
        return new StoredProfile(row.getString("customer_id"), row.getString("body"),
                protectedValue(row.getString("email_hash"), row.getString("email_cipher")),
                protectedValue(row.getString("phone_hash"), row.getString("phone_cipher")), foldState);
    }

    private static ProtectedValue protectedValue(String hash, String cipher) {
        return hash == null ? null : new ProtectedValue(hash, cipher);
    }
}
