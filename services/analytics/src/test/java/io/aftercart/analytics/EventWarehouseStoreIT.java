package io.aftercart.analytics;

import static io.aftercart.analytics.TestEvents.T0;
import static io.aftercart.analytics.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The same warehouse assertions on each store; subclasses choose the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventWarehouseStoreIT {

    private ServiceStore store;
    private EventWarehouse warehouse;

    private final SqlDialect dialect;
    private TestStore testStore;

    protected EventWarehouseStoreIT(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void open(@TempDir Path dataDir) {
        testStore = TestStore.open(dialect, "analytics", dataDir);
        store = testStore.store();
        warehouse = new EventWarehouse(store);
    }

    @AfterAll
    void close() {
        testStore.close();
    }

    @BeforeEach
    void empty() {
        store.jdbc().sql("DELETE FROM events").update();
    }

    @Test
    void indexesCustomerAndTypeOnlyOnPostgresql() {
        String indexes = dialect == SqlDialect.DUCKDB
                ? "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'"
                : "SELECT indexname FROM pg_indexes WHERE tablename = 'events' AND schemaname = current_schema()"
                        + " AND indexname <> 'events_pkey'";
        List<String> names = store.jdbc().sql(indexes).query(String.class).list();

        assertThat(names).containsExactlyInAnyOrderElementsOf(dialect == SqlDialect.POSTGRESQL
                ? List.of("events_customer_time", "events_type") : List.of());
    }

    @Test
    void storesABatchOnceWhenItIsDeliveredAgain() {
        List<CanonicalEvent> batch = List.of(event("e1", "c1", T0), event("e2", "c1", T0), event("e3", "c2", T0));

        assertThat(warehouse.storeBatch(batch)).isEqualTo(3);
        assertThat(warehouse.storeBatch(batch)).isZero();
        assertThat(warehouse.storeBatch(List.of(event("e3", "c2", T0), event("e4", "c2", T0)))).isEqualTo(1);
        assertThat(warehouse.count()).isEqualTo(4);
    }

    @Test
    void keepsTheFirstOfIdsRepeatedWithinABatch() {
        CanonicalEvent first = event("e1", "c1", T0);
        List<CanonicalEvent> batch = List.of(first, event("e2", "c1", T0), event("e1", "c1", "Order Shipped", T0));

        assertThat(warehouse.storeBatch(batch)).isEqualTo(2);
        assertThat(warehouse.customerEvents("c1", null, 10, null).events()).contains(first).hasSize(2);
        assertThat(warehouse.storeBatch(List.of())).isZero();
    }

    @Test
    void pagesACustomersEventsInEventTimeOrder() {
        List<CanonicalEvent> timeline = List.of(
                event("b", "c1", T0), event("a", "c1", T0), // same time: ordered by id
                event("c", "c1", "Order Shipped", T0.plusSeconds(60)),
                event("d", "c1", T0.plusSeconds(120)),
                event("e", "c1", "Order Shipped", T0.plusSeconds(180)));
        List<CanonicalEvent> shuffled = new ArrayList<>(timeline);
        shuffled.add(event("x", "c2", T0));
        Collections.shuffle(shuffled, new Random(7));
        warehouse.storeBatch(shuffled);

        EventPage first = warehouse.customerEvents("c1", null, 2, null);
        EventPage second = warehouse.customerEvents("c1", null, 2, EventCursor.decode(first.nextCursor()));
        EventPage last = warehouse.customerEvents("c1", null, 2, EventCursor.decode(second.nextCursor()));

        assertThat(first.events()).extracting(CanonicalEvent::id).containsExactly("a", "b");
        assertThat(second.events()).extracting(CanonicalEvent::id).containsExactly("c", "d");
        assertThat(last.events()).extracting(CanonicalEvent::id).containsExactly("e");
        assertThat(last.nextCursor()).isNull();
        assertThat(warehouse.customerEvents("c1", "Order Shipped", 10, null).events())
                .extracting(CanonicalEvent::id).containsExactly("c", "e");
        assertThat(warehouse.customerEvents("nobody", null, 10, null).events()).isEmpty();
    }

    @Test
    void countsEventsByTypeWithinAWindow() {
        warehouse.storeBatch(List.of(
                event("e1", "c1", T0.minusSeconds(1)),
                event("e2", "c1", T0),
                event("e3", "c2", "Order Shipped", T0.plusSeconds(10)),
                event("e4", "c2", "Order Shipped", T0.plusSeconds(20))));

        assertThat(warehouse.countByType(null, null))
                .isEqualTo(new EventCounts(Map.of("Order Completed", 2L, "Order Shipped", 2L), 4));
        assertThat(warehouse.countByType(T0, T0.plusSeconds(20)))
                .isEqualTo(new EventCounts(Map.of("Order Completed", 1L, "Order Shipped", 1L), 2));
        assertThat(warehouse.countByType(T0.plusSeconds(30), null)).isEqualTo(new EventCounts(Map.of(), 0));
        assertThat(warehouse.count()).isEqualTo(4);
    }

    @Test
    void returnsPropertiesAndContextAsTheyWereStored() {
        ObjectNode properties = (ObjectNode) EventJson.mapper().readTree("""
                {"order_id":"o-1","total":19.90,"currency":"EUR","coupon":"ÄÖÜ \\"quoted\\" ✓",
                 "products":[{"sku":"s-1","quantity":2,"price":9.95}],"gift":false}""");
        ObjectNode context = (ObjectNode) EventJson.mapper()
                .readTree("{\"ip\":\"203.0.113.9\",\"library\":{\"name\":\"js\"}}");
        CanonicalEvent original = new CanonicalEvent("e1", "Order Completed", "order_completed/1-0-0", "shop",
                T0.plusNanos(123_456_000), T0.plusSeconds(2), "c1", null, properties, context);
        CanonicalEvent bare = new CanonicalEvent("e2", "identify", null, null, T0.plusSeconds(1), null, "c1", null,
                null, null);

        warehouse.storeBatch(List.of(original, bare));

        assertThat(warehouse.customerEvents("c1", null, 10, null).events()).containsExactly(original, bare);
    }

    @Test
    void storesALargePollInOneGo() {
        List<CanonicalEvent> poll = IntStream.range(0, 20_000)
                .mapToObj(i -> event("bulk-" + i, "c" + (i % 500), T0.plusSeconds(i)))
                .toList();

        long started = System.nanoTime();
        int inserted = warehouse.storeBatch(poll);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%s: stored %d events in %d ms (%.0f rows/s)%n", getClass().getSimpleName(), inserted,
                millis, inserted * 1000.0 / Math.max(1, millis));

        assertThat(inserted).isEqualTo(20_000);
        assertThat(warehouse.storeBatch(poll)).isZero();
        assertThat(warehouse.count()).isEqualTo(20_000);
        assertThat(warehouse.customerEvents("c7", null, 500, null).events()).hasSize(40);
    }
}
