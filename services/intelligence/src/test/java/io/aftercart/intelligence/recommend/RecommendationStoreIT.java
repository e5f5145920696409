package io.aftercart.intelligence.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.intelligence.recommend.OnlineRetailOrders.Invoice;
import io.aftercart.intelligence.recommend.internal.OrderLine;
import io.aftercart.intelligence.recommend.internal.OrderLines;
import io.aftercart.intelligence.recommend.internal.RecommendationStore;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recommendation order lines on each store (subclasses choose the database): stored once per event however
 * often it is delivered, and read back at start into a model that answers as the one that learned them live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecommendationStoreIT {

    private static final Instant T0 = Instant.parse("2024-03-31T00:30:00.125Z");

    private final SqlDialect dialect;
    private TestStore testStore;
    private ServiceStore store;
    private int sequence;

    protected RecommendationStoreIT(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void open(@TempDir Path dataDir) {
        testStore = TestStore.open(dialect, "intelligence", dataDir);
        store = testStore.store();
    }

    @AfterAll
    void close() {
        testStore.close();
    }

    @BeforeEach
    void empty() {
        store.jdbc().sql("DELETE FROM recommend_order_lines").update();
    }

    @Test
    void storesTheLinesOfEachEventOnceWhenItIsDeliveredAgain() {
        Recommender recommender = new Recommender();
        RecommendationRecorder recorder = new RecommendationRecorder(new RecommendationStore(store), recommender);
        CanonicalEvent first = order("ann", 0, "boots", "socks");
        CanonicalEvent second = order("bob", 1, "tent");
        CanonicalEvent third = returned("ann", 2, "socks");
        CanonicalEvent fourth = order("cat", 3, "stove", "lamp", "tent");

        assertThat(recorder.record(List.of(first, second, third))).isEqualTo(4);
        assertThat(recorder.record(List.of(first, second, third))).isZero();
        assertThat(recorder.record(List.of(third, fourth, fourth, first))).isEqualTo(3);
        assertThat(recorder.record(List.of())).isZero();

        assertThat(store.jdbc().sql("SELECT COUNT(*) FROM recommend_order_lines").query(Long.class).single())
                .isEqualTo(7);
        assertThat(recommender.size().orderLines()).isEqualTo(7);
    }

    @Test
    void readsBackEveryLineAsItWasStoredInTimeOrder() {
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", "o-x");
        ArrayNode products = properties.putArray("products");
        products.addObject().put("product_id", "p-ü").put("name", "Wanderschuh „Gipfel“ ✓").put("category", "Schuhe")
                .put("quantity", 3);
        products.addObject().put("name", "no id, left out");
        products.addObject().put("sku", "sku-9");
        CanonicalEvent unusual = new CanonicalEvent("ev-unusual", "Order Completed", null, "test-shop",
                T0.plusNanos(456_000), T0, "dora", null, properties, null);
        List<CanonicalEvent> events = List.of(order("ann", 5, "boots"), unusual, returned("ann", 6, "boots"),
                order("bob", 0, "tent", "lamp"));
        new RecommendationRecorder(new RecommendationStore(store), new Recommender()).record(events);

        List<OrderLine> replayed = new ArrayList<>();
        new RecommendationStore(store).replay(replayed::addAll);

        assertThat(replayed).containsExactlyElementsOf(events.stream().flatMap(e -> OrderLines.of(e).stream())
                .sorted(Comparator.comparing(OrderLine::time).thenComparing(OrderLine::eventId)
                        .thenComparingInt(OrderLine::lineIndex)).toList());
        assertThat(replayed).filteredOn(line -> line.eventId().equals("ev-unusual"))
                .extracting(OrderLine::lineIndex, OrderLine::productId, OrderLine::quantity)
                .containsExactly(tuple(0, "p-ü", 3),
                        tuple(2, "sku-9", 1));
    }

    @Test
    void restoresTheModelItLearnedFromRealOrdersAfterARestart() {
        List<CanonicalEvent> events = OnlineRetailOrders.read().stream().limit(4000).map(Invoice::event)
                .sorted(Comparator.comparing(CanonicalEvent::time).thenComparing(CanonicalEvent::id)).toList();
        Recommender live = new Recommender();
        RecommendationRecorder recorder = new RecommendationRecorder(new RecommendationStore(store), live);
        for (int from = 0; from < events.size(); from += 500) {
            recorder.record(events.subList(from, Math.min(events.size(), from + 500)));
        }
        recorder.record(events.subList(0, 1000)); // a consumer re-reading after a rebalance

        store = testStore.reopen();
        Recommender restored = new Recommender();
        new RecommendationRecorder(new RecommendationStore(store), restored).restore();

        assertThat(live.size().customers()).isGreaterThan(500);
        assertThat(restored.size()).isEqualTo(live.size());
        List<String> customers = events.stream().map(CanonicalEvent::customerId).distinct().limit(200).toList();
        for (String customer : customers) {
            assertThat(restored.forCustomer(customer, 10, false)).isEqualTo(live.forCustomer(customer, 10, false));
            assertThat(restored.forCustomer(customer, 10, true)).isEqualTo(live.forCustomer(customer, 10, true));
        }
        List<String> products = events.stream().flatMap(e -> OrderLines.of(e).stream()).map(OrderLine::productId)
                .distinct().limit(200).toList();
        for (String product : products) {
            assertThat(restored.related(product, 10)).isEqualTo(live.related(product, 10));
        }
        assertThat(restored.forCustomer(customers.get(0), 10, false).items()).isNotEmpty();
    }

    @Test
    void storesALargePollInOneGo() {
        List<CanonicalEvent> poll = IntStream.range(0, 10_000)
                .mapToObj(i -> order("c" + (i % 700), i, "p" + (i % 300), "p" + ((i * 7) % 300))).toList();
        RecommendationRecorder recorder = new RecommendationRecorder(new RecommendationStore(store), new Recommender());

        assertThat(recorder.record(poll)).isEqualTo(20_000);
        assertThat(recorder.record(poll)).isZero();
        assertThat(store.jdbc().sql("SELECT COUNT(*) FROM recommend_order_lines").query(Long.class).single())
                .isEqualTo(20_000);
    }

    private CanonicalEvent order(String customer, int minute, String... productIds) {
        return event(customer, "Order Completed", minute, productIds);
    }

    private CanonicalEvent returned(String customer, int minute, String... productIds) {
        return event(customer, "Product Returned", minute, productIds);
    }

    private CanonicalEvent event(String customer, String type, int minute, String... productIds) {
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", "o-" + customer);
        if (type.equals("Product Returned")) {
            properties.put("return_id", "r-" + sequence);
        }
        ArrayNode lines = properties.putArray("products");
        for (String product : productIds) {
            lines.addObject().put("product_id", product).put("name", product).put("price", 10).put("quantity", 1);
        }
        Instant time = T0.plusSeconds(60L * minute);
        return new CanonicalEvent("ev-" + sequence++, type, null, "test-shop", time, time, customer, null,
                properties, null);
    }
}
