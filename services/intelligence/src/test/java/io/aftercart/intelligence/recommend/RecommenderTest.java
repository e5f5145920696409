package io.aftercart.intelligence.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.intelligence.recommend.OnlineRetailOrders.Invoice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class RecommenderTest {

    private static final Instant START = Instant.parse("2024-01-01T10:00:00Z");
    private int sequence;

    @Test
    void neverRecommendsWhatTheCustomerReturnedOnRealData() {
        List<Invoice> invoices = OnlineRetailOrders.read();
        Recommender recommender = new Recommender();
        recommender.absorb(invoices.stream().map(Invoice::event).toList());
        Map<String, Set<String>> returned = new HashMap<>();
        invoices.stream().filter(Invoice::cancellation).forEach(invoice -> returned
                .computeIfAbsent(invoice.customerId(), c -> new HashSet<>()).addAll(invoice.productIds()));
        assertThat(returned).hasSizeGreaterThan(1000);
        returned.forEach((customer, products) -> {
            for (boolean newOnly : new boolean[] {false, true}) {
                assertThat(recommender.forCustomer(customer, 50, newOnly).items())
                        .extracting(Recommendation::productId).doesNotContainAnyElementsOf(products);
            }
        });
    }

    @Test
    void returnedProductIsExcludedAndCountsAgainstItsNeighbours() {
        Recommender recommender = new Recommender();
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(order("fan-" + i, 0, "tent", "stove"));
            events.add(order("camper-" + i, 0, "tent", "lamp"));
        }
        events.add(order("alice", 0, "tent", "stove"));
        recommender.absorb(events);
        assertThat(ids(recommender.forCustomer("alice", 3, false))).contains("stove");
        assertThat(recommender.forCustomer("alice", 3, true).items().get(0).reason()).isEqualTo("bought with tent");

        recommender.absorb(List.of(returned("alice", 1, "stove")));
        CustomerRecommendations after = recommender.forCustomer("alice", 3, false);
        assertThat(ids(after)).doesNotContain("stove").containsExactly("lamp", "tent");
        // Alice's returned stove is no longer evidence that tent and stove go together
        assertThat(recommender.related("tent", 2).orElseThrow().get(0).productId()).isEqualTo("lamp");
    }

    @Test
    void recommendsRepurchaseWithTheCustomersInterval() {
        Recommender recommender = new Recommender();
        recommender.absorb(List.of(order("bob", 0, "coffee", "mug"), order("bob", 14, "coffee"),
                order("bob", 28, "coffee"), order("bob", 42, "coffee")));
        Recommendation first = recommender.forCustomer("bob", 2, false).items().get(0);
        assertThat(first.productId()).isEqualTo("coffee");
        assertThat(first.reasonType()).isEqualTo(ReasonType.REPURCHASE);
        assertThat(first.reason()).isEqualTo("you buy this every ~2 weeks");
        assertThat(first.rebuyWeeks()).isEqualTo(2);
    }

    @Test
    void coldStartUsesPopularityAndFirstOrderCategories() {
        Recommender recommender = new Recommender();
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(categorised("regular-" + i, "candle", "home"));
        }
        events.add(categorised("regular-9", "scarf", "fashion"));
        events.add(categorised("newbie", "scarf", "fashion"));
        events.add(categorised("other", "hat", "fashion"));
        recommender.absorb(events);

        CustomerRecommendations stranger = recommender.forCustomer("stranger", 2, false);
        assertThat(stranger.coldStart()).isTrue();
        assertThat(stranger.items().get(0).productId()).isEqualTo("candle");
        assertThat(stranger.items().get(0).reason()).contains("no purchases on record");

        CustomerRecommendations newbie = recommender.forCustomer("newbie", 3, true);
        assertThat(newbie.coldStart()).isFalse();
        assertThat(newbie.items().get(0).productId()).isEqualTo("hat");
        assertThat(newbie.items().get(0).reason()).isEqualTo("popular in category fashion");
        assertThat(recommender.related("nothing", 3)).isEmpty();
        assertThat(recommender.related("hat", 3).orElseThrow().get(0).reasonType())
                .isEqualTo(ReasonType.POPULAR_IN_CATEGORY);
    }

    @Test
    void sameInputInAnyOrderGivesTheSameAnswers() {
        List<CanonicalEvent> events = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            String customer = "c" + random.nextInt(60);
            String[] products = new String[1 + random.nextInt(4)];
            for (int p = 0; p < products.length; p++) {
                products[p] = "p" + random.nextInt(12); // few products: many score ties
            }
            events.add(random.nextInt(10) == 0 ? returned(customer, random.nextInt(60), products)
                    : order(customer, random.nextInt(60), products));
        }
        Recommender inOrder = new Recommender();
        inOrder.absorb(events);
        List<CanonicalEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(11));
        Recommender reordered = new Recommender();
        shuffled.forEach(event -> reordered.absorb(List.of(event)));

        for (int c = 0; c < 60; c++) {
            for (boolean newOnly : new boolean[] {false, true}) {
                CustomerRecommendations expected = inOrder.forCustomer("c" + c, 8, newOnly);
                assertThat(reordered.forCustomer("c" + c, 8, newOnly)).isEqualTo(expected);
                assertThat(inOrder.forCustomer("c" + c, 8, newOnly)).isEqualTo(expected);
            }
        }
        for (int p = 0; p < 12; p++) {
            assertThat(reordered.related("p" + p, 5)).isEqualTo(inOrder.related("p" + p, 5));
        }
    }

    @Test
    void aCatalogueOfAHundredThousandProductsTakesMemoryByThePairsBoughtTogether() {
        Recommender recommender = new Recommender();
        int products = 100_000;
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = 0; i < products / 2; i++) {
            events.add(order("buyer-" + i, 0, "p" + 2 * i, "p" + (2 * i + 1)));
        }
        recommender.absorb(events);
        assertThat(recommender.size().products()).isEqualTo(products);
        assertThat(recommender.related("p99999", 1).orElseThrow().get(0).productId()).isEqualTo("p99998");
        assertThat(ids(recommender.forCustomer("buyer-7", 2, false))).containsExactlyInAnyOrder("p14", "p15");
    }

    private static List<String> ids(CustomerRecommendations recommendations) {
        return recommendations.items().stream().map(Recommendation::productId).toList();
    }

    private CanonicalEvent order(String customer, int day, String... products) {
        return event("Order Completed", customer, day, products, null);
    }

    private CanonicalEvent returned(String customer, int day, String... products) {
        return event("Product Returned", customer, day, products, null);
    }

    private CanonicalEvent categorised(String customer, String product, String category) {
        return event("Order Completed", customer, 0, new String[] {product}, category);
    }

    private CanonicalEvent event(String type, String customer, int day, String[] products, String category) {
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", "o-" + sequence)
                .put("return_id", "r-" + sequence);
        ArrayNode lines = properties.putArray("products");
        for (String product : products) {
            lines.addObject().put("product_id", product).put("quantity", 1).put("category", category);
        }
        Instant time = START.plus(day, ChronoUnit.DAYS).plusSeconds(sequence);
        return new CanonicalEvent("e-" + sequence++, type, null, "test", time, time, customer, null, properties, null);
    }
}
