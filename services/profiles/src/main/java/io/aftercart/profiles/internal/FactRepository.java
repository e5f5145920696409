package io.aftercart.profiles.internal;

import static io.aftercart.profiles.internal.Sql.instant;
import static io.aftercart.profiles.internal.Sql.utc;

import io.aftercart.platform.store.BulkInsert;
import io.aftercart.platform.store.BulkInsert.Column;
import io.aftercart.platform.store.InList;
import io.aftercart.platform.store.ServiceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code facts} and {@code identity_links} tables: insert-only, once per event id. */
public class FactRepository {

    private static final List<Column> FACT_COLUMNS = List.of(new Column("event_id", "TEXT"),
            new Column("subject_id", "TEXT"), new Column("anonymous", "BOOLEAN"),
            new Column("event_time", "TIMESTAMPTZ"), new Column("type", "TEXT"), new Column("order_id", "TEXT"),
            new Column("ref_id", "TEXT"), new Column("amount", "DECIMAL(20, 6)"), new Column("currency", "TEXT"),
            new Column("items", "INTEGER"), new Column("score", "DECIMAL(6, 2)"), new Column("email_hash", "TEXT"),
            new Column("email_cipher", "TEXT"), new Column("phone_hash", "TEXT"), new Column("phone_cipher", "TEXT"),
            new Column("detail", "TEXT"));
    private static final BulkInsert FACTS = BulkInsert.newRowsOnly("facts", FACT_COLUMNS, "event_id");
    private static final BulkInsert LINKS = BulkInsert.newRowsOnly("identity_links", List.of(
            new Column("event_id", "TEXT"), new Column("source_id", "TEXT"), new Column("target_id", "TEXT"),
            new Column("link_time", "TIMESTAMPTZ")), "event_id");
    private static final String FACT_SELECT = "SELECT "
            + FACT_COLUMNS.stream().map(Column::name).collect(Collectors.joining(", ")) + " FROM facts";

    private final ServiceStore store;

    public FactRepository(ServiceStore store) {
        this.store = store;
    }

    /**
     * Stores facts whose event id is new; known ids (redeliveries) are left as they are, and of facts repeating an
     * event id the first counts.
     *
     * @return the facts that were new, as stored ({@link #asStored}), in the order given
     */
    public List<Fact> insertNew(Collection<Fact> facts) {
        Map<String, Fact> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.putIfAbsent(f.eventId(), asStored(f)));
        List<Object[]> rows = new ArrayList<>(byId.size());
        for (Fact f : byId.values()) {
            rows.add(new Object[] {f.eventId(), f.subjectId(), f.anonymous(), utc(f.time()), f.type(), f.orderId(),
                    f.refId(), f.amount(), f.currency(), f.items(), f.score(), hash(f.email()), cipher(f.email()),
                    hash(f.phone()), cipher(f.phone()), f.detail()});
        }
        Set<String> inserted = new HashSet<>(FACTS.writeReturning(store, rows, "event_id"));
        return byId.values().stream().filter(f -> inserted.contains(f.eventId())).toList();
    }

    /**
     * The fact as both stores keep and return it (time to microseconds, amount to 6 decimals, score to 2), so a fold
     * over facts as they are stored equals one over the same facts read back.
     */
    static Fact asStored(Fact f) {
        return new Fact(f.eventId(), f.subjectId(), f.anonymous(), f.time().truncatedTo(ChronoUnit.MICROS), f.type(),
                f.orderId(), f.refId(), Sql.scaled(f.amount(), 6), f.currency(), f.items(), Sql.scaled(f.score(), 2),
                f.email(), f.phone(), f.detail());
    }

    public void insertLinks(Collection<IdentityLink> links) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        for (IdentityLink link : links) {
            rows.putIfAbsent(link.eventId(), new Object[] {link.eventId(), link.sourceId(), link.targetId(),
                    utc(link.time())});
        }
        LINKS.write(store, new ArrayList<>(rows.values()));
    }

    /** {@code ids} and every id connected to them by links, however indirectly, with the links between them. */
    public IdentityComponent component(Collection<String> ids) {
        Set<String> known = new HashSet<>(ids);
        Map<String, IdentityLink> links = new LinkedHashMap<>();
        Set<String> frontier = new HashSet<>(ids);
        while (!frontier.isEmpty()) {
            Set<String> next = new HashSet<>();
            linksOf(frontier).forEach(link -> {
                if (links.putIfAbsent(link.eventId(), link) == null) {
                    for (String id : List.of(link.sourceId(), link.targetId())) {
                        if (known.add(id)) {
                            next.add(id);
                        }
                    }
                }
            });
            frontier = next;
        }
        return new IdentityComponent(known, new IdentityGraph(links.values()));
    }

    /** The links from or to one of {@code ids}: two lookups, as DuckDB scans the table for an OR of the two. */
    private List<IdentityLink> linksOf(Collection<String> ids) {
        List<IdentityLink> links = new ArrayList<>();
        for (String column : List.of("source_id", "target_id")) {
            for (List<Object> chunk : InList.chunks(ids)) {
                links.addAll(store.jdbc().sql("SELECT event_id, source_id, target_id, link_time FROM identity_links"
                        + " WHERE " + InList.of(column, chunk)).params(chunk).query(FactRepository::link).list());
            }
        }
        return links;
    }

    /** Every fact that arrived under one of {@code subjectIds}. */
    public List<Fact> factsOf(Collection<String> subjectIds) {
        return whereOneOf("subject_id", subjectIds);
    }

    /** The stored facts of those of {@code eventIds} that are known. */
    public List<Fact> factsById(Collection<String> eventIds) {
        return whereOneOf("event_id", eventIds);
    }

    private List<Fact> whereOneOf(String column, Collection<String> values) {
        List<Fact> facts = new ArrayList<>();
        for (List<Object> chunk : InList.chunks(values)) {
            facts.addAll(store.jdbc().sql(FACT_SELECT + " WHERE " + InList.of(column, chunk)).params(chunk)
                    .query(FactRepository::fact).list());
        }
        return facts;
    }

    /**
     * The facts of {@code subjectIds} in event-time order, after (time, event id) when given.
     *
     * @param limit at most this many
     */
    public List<Fact> timeline(Collection<String> subjectIds, Instant afterTime, String afterEventId, int limit) {
        // one customer's ids in one list, not in chunks: the query orders and limits across all of them
        List<Object> params = new ArrayList<>(subjectIds);
        StringBuilder sql = new StringBuilder(FACT_SELECT + " WHERE " + InList.of("subject_id", params));
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
