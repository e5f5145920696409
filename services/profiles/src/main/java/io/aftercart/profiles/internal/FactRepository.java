package io.aftercart.profiles.internal;

import static io.aftercart.profiles.internal.Sql.instant;
import static io.aftercart.profiles.internal.Sql.utc;

import io.aftercart.platform.store.ServiceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code facts} and {@code identity_links} tables: insert-only, once per event id. */
public class FactRepository {

    private static final List<String> FACT_COLUMNS = List.of("event_id", "subject_id", "anonymous", "event_time",
            "type", "order_id", "ref_id", "amount", "currency", "items", "score", "email_hash", "email_cipher",
            "phone_hash", "phone_cipher", "detail");
    private static final List<String> LINK_COLUMNS = List.of("event_id", "source_id", "target_id", "link_time");
    private static final String FACT_SELECT = "SELECT " + String.join(", ", FACT_COLUMNS) + " FROM facts";

    private final ServiceStore store;
    private final BatchWriter writer;

    public FactRepository(ServiceStore store) {
        this.store = store;
        this.writer = BatchWriter.forStore(store);
    }

    /** Stores facts whose event id is new; known ids (redeliveries) are left as they are. */
    public void insert(Collection<Fact> facts) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (Fact f : facts) {
            rows.putIfAbsent(f.eventId(), new Object[] {f.eventId(), f.subjectId(), f.anonymous(), utc(f.time()),
                    f.type(), f.orderId(), f.refId(), Sql.scaled(f.amount(), 6), f.currency(), f.items(),
                    Sql.scaled(f.score(), 2), hash(f.email()), cipher(f.email()), hash(f.phone()), cipher(f.phone()),
                    f.detail()});
        }
        writer.write("facts", FACT_COLUMNS, "ON CONFLICT (event_id) DO NOTHING", new ArrayList<>(rows.values()));
    }

    public void insertLinks(Collection<IdentityLink> links) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (IdentityLink link : links) {
            rows.putIfAbsent(link.eventId(), new Object[] {link.eventId(), link.sourceId(), link.targetId(),
                    utc(link.time())});
        }
        writer.write("identity_links", LINK_COLUMNS, "ON CONFLICT (event_id) DO NOTHING",
                new ArrayList<>(rows.values()));
    }

    /** {@code ids} and every id connected to them by links, however indirectly, with the links between them. */
    public IdentityComponent component(Collection<String> ids) {
        Set<String> known = new HashSet<>(ids);
        Map<String, IdentityLink> links = new LinkedHashMap<>();
        Set<String> frontier = new HashSet<>(ids);
        while (!frontier.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (List<String> chunk : Sql.chunks(frontier)) {
                String in = Sql.placeholders(chunk.size());
                List<Object> params = new ArrayList<>(chunk);
                params.addAll(chunk);
                store.jdbc().sql("SELECT event_id, source_id, target_id, link_time FROM identity_links"
                        + " WHERE source_id IN (" + in + ") OR target_id IN (" + in + ")")
                        .params(params)
                        .query(FactRepository::link)
                        .list()
                        .forEach(link -> {
                            if (links.putIfAbsent(link.eventId(), link) == null) {
                                for (String id : List.of(link.sourceId(), link.targetId())) {
                                    if (known.add(id)) {
                                        next.add(id);
                                    }
                                }
                            }
                        });
            }
            frontier = next;
        }
        return new IdentityComponent(known, new IdentityGraph(links.values()));
    }

    /** Every fact that arrived under one of {@code subjectIds}. */
    public List<Fact> factsOf(Collection<String> subjectIds) {
        List<Fact> facts = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(subjectIds)) {
            facts.addAll(store.jdbc().sql(FACT_SELECT + " WHERE subject_id IN (" + Sql.placeholders(chunk.size())
                    + ")").params(chunk).query(FactRepository::fact).list());
        }
        return facts;
    }

    /**
     * The facts of {@code subjectIds} in event-time order, after (time, event id) when given.
     *
     * @param limit at most this many
     */
    public List<Fact> timeline(Collection<String> subjectIds, Instant afterTime, String afterEventId, int limit) {
        StringBuilder sql = new StringBuilder(FACT_SELECT + " WHERE subject_id IN (")
                .append(Sql.placeholders(subjectIds.size())).append(")");
        List<Object> params = new ArrayList<>(subjectIds);
        if (afterTime != null) {
            sql.append(" AND (event_time > ? OR (event_time = ? AND event_id > ?))");
            params.addAll(List.of(utc(afterTime), utc(afterTime), afterEventId));
        }
        sql.append(" ORDER BY event_time, event_id LIMIT ?");
        params.add(limit);
        return store.jdbc().sql(sql.toString()).params(params).query(FactRepository::fact).list();
    }

    public void deleteAll() {
        store.jdbc().sql("DELETE FROM facts").update();
        store.jdbc().sql("DELETE FROM identity_links").update();
    }

    private static Fact fact(ResultSet row, int rowNum) throws SQLException {
        return new Fact(
                row.getString("event_id"),
                row.getString("subject_id"),
                row.getBoolean("anonymous"),
                instant(row, "event_time"),
                row.getString("type"),
                row.getString("order_id"),
                row.getString("ref_id"),
                row.getBigDecimal("amount"),
                row.getString("currency"),
                Sql.integer(row, "items"),
                row.getBigDecimal("score"),
                protectedValue(row.getString("email_hash"), row.getString("email_cipher")),
                protectedValue(row.getString("phone_hash"), row.getString("phone_cipher")),
                row.getString("detail"));
    }

    private static IdentityLink link(ResultSet row, int rowNum) throws SQLException {
        return new IdentityLink(row.getString("event_id"), row.getString("source_id"), row.getString("target_id"),
                instant(row, "link_time"));
    }

    private static ProtectedValue protectedValue(String hash, String cipher) {
        return hash == null ? null : new ProtectedValue(hash, cipher);
    }

    private static String hash(ProtectedValue value) {
        return value == null ? null : value.hash();
    }

    private static String cipher(ProtectedValue value) {
        return value == null ? null : value.cipher();
    }
}
