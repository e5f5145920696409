package io.aftercart.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

    private static final Instant END = Instant.parse("2025-06-01T12:00:00Z");
    private static final Set<String> RETURN_CODES = Set.of("damaged", "defective", "wrong_size", "wrong_item",
            "not_as_described", "changed_mind", "late_delivery", "other");
    private static final Set<String> CHANNELS = Set.of("email", "chat", "phone", "web", "social");

    private static List<DemoEvent> history;

    @BeforeAll
    static void generate() {
        history = new DemoTraffic(DemoSettings.defaults()).history(END);
    }

    @Test
    void sameSeedGivesIdenticalEventsAndAnotherSeedDoesNot() {
        DemoSettings small = new DemoSettings(200, 120, 5, 7, 500);
        assertEquals(new DemoTraffic(small).history(END), new DemoTraffic(small).history(END));
        assertNotEquals(new DemoTraffic(small).history(END),
                new DemoTraffic(new DemoSettings(200, 120, 5, 8, 500)).history(END));
    }

    @Test
    void messageIdsAreUnique() {
        assertEquals(history.size(), history.stream().map(DemoEvent::messageId).distinct().count());
    }

    @Test
    void historyIsTimeOrderedAndInsideTheWindow() {
        Instant start = END.minus(Duration.ofDays(DemoSettings.defaults().historyDays()));
        for (int i = 0; i < history.size(); i++) {
            Instant t = history.get(i).timestamp();
            assertFalse(t.isAfter(END) || t.isBefore(start.minusSeconds(600)), "outside window: " + t);
            if (i > 0) assertFalse(t.isBefore(history.get(i - 1).timestamp()), "out of order at " + i);
        }
    }

    @Test
    void aMinorityButNotAFewCustomersBuyAgain() {
        Map<String, Long> ordersPerCustomer = history.stream().filter(e -> e.isTrack("Order Completed"))
                .collect(Collectors.groupingBy(DemoEvent::userId, Collectors.counting()));
        double repeatShare = ordersPerCustomer.values().stream().filter(n -> n > 1).count()
                / (double) ordersPerCustomer.size();
        assertTrue(repeatShare > 0.2 && repeatShare < 0.6, "repeat share " + repeatShare);
        long heavyBuyers = ordersPerCustomer.values().stream().filter(n -> n >= 6).count();
        assertTrue(heavyBuyers > 20, "a loyal core should exist, found " + heavyBuyers);
    }

    @Test
    void apparelComesBackMoreOftenThanHomewareAndMostlyForSize() {
        Map<String, int[]> soldAndReturned = new HashMap<>();
        Map<String, Long> apparelReasons = new HashMap<>();
        for (DemoEvent e : history) {
            boolean sold = e.isTrack("Order Completed");
            if (!sold && !e.isTrack("Return Requested")) continue;
            for (Map<?, ?> product : products(e)) {
                String category = (String) product.get("category");
                soldAndReturned.computeIfAbsent(category, c -> new int[2])[sold ? 0 : 1] += 1;
                if (!sold && category.endsWith("swear")) {
                    apparelReasons.merge((String) e.properties().get("reason_code"), 1L, Long::sum);
                }
            }
        }
        double apparel = rate(soldAndReturned.get("Womenswear"), soldAndReturned.get("Menswear"));
        double home = rate(soldAndReturned.get("Home"));
        assertTrue(apparel > 1.5 * home, "apparel " + apparel + " vs home " + home);
        String topReason = apparelReasons.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("wrong_size", topReason);
    }

    @Test
    void followUpsReferToAnEarlierOrderOfTheSameCustomer() {
        Map<String, String> orderOwner = new HashMap<>();
        Set<String> openTickets = new HashSet<>();
        Set<String> followUps = Set.of("Order Shipped", "Order Delivered", "Order Cancelled", "Order Refunded",
                "Return Requested", "Product Returned", "Product Reviewed", "NPS Survey Responded",
                "Support Ticket Opened");
        for (DemoEvent e : history) {
            if (e.isTrack("Order Completed")) {
                orderOwner.put((String) e.properties().get("order_id"), e.userId());
            } else if (DemoEvent.TRACK.equals(e.type()) && followUps.contains(e.event())) {
                String orderId = (String) e.properties().get("order_id");
                assertEquals(e.userId(), orderOwner.get(orderId), e.event() + " of unknown order " + orderId);
            }
            if (e.isTrack("Support Ticket Opened")) openTickets.add((String) e.properties().get("ticket_id"));
            if (e.isTrack("Support Ticket Resolved")) {
                assertTrue(openTickets.contains((String) e.properties().get("ticket_id")), "resolved before opened");
            }
        }
    }

    @Test
    void everyEventCarriesItsRequiredPropertiesWithSaneValues() {
        Set<String> seen = new HashSet<>();
        for (DemoEvent e : history) {
            seen.add(e.type() + ":" + e.event());
            Map<String, Object> p = e.properties();
            if (DemoEvent.IDENTIFY.equals(e.type())) {
                assertTrue(((String) p.get("email")).endsWith("@example.com"));
                List.of("phone", "first_name", "last_name", "created_at").forEach(k -> assertTrue(p.containsKey(k), k));
                continue;
            }
            p.forEach((key, value) -> {
                if (value instanceof BigDecimal amount) assertTrue(amount.signum() >= 0, key + " negative in " + e);
            });
            switch (e.event()) {
                case "Order Completed" -> {
                    require(e, "order_id", "total", "revenue", "subtotal", "shipping", "tax", "discount", "currency");
                    assertFalse(products(e).isEmpty());
                    products(e).forEach(product -> {
                        assertTrue(product.get("product_id") instanceof String);
                        assertTrue(((BigDecimal) product.get("price")).signum() >= 0);
                        assertTrue((Integer) product.get("quantity") >= 1);
                    });
                    BigDecimal total = (BigDecimal) p.get("total");
                    assertEquals(total, ((BigDecimal) p.get("revenue")).add((BigDecimal) p.get("shipping")));
                }
                case "Order Shipped" -> {
                    require(e, "order_id", "carrier", "tracking_number", "estimated_delivery");
                    Instant.parse((String) p.get("estimated_delivery"));
                }
                case "Order Delivered" -> require(e, "order_id", "carrier");
                case "Order Cancelled", "Order Refunded" -> require(e, "order_id", "total", "currency", "reason");
                case "Return Requested", "Product Returned" -> {
                    require(e, "order_id", "return_id", "reason", "reason_code");
                    assertFalse(products(e).isEmpty());
                    assertTrue(RETURN_CODES.contains(p.get("reason_code")));
                }
                case "Product Reviewed" -> {
                    require(e, "product_id", "review_id", "rating", "review_body", "order_id");
                    int rating = (Integer) p.get("rating");
                    assertTrue(rating >= 1 && rating <= 5);
                }
                case "NPS Survey Responded" -> {
                    require(e, "score", "survey_id", "order_id");
                    int score = (Integer) p.get("score");
                    assertTrue(score >= 0 && score <= 10);
                }
                case "Support Ticket Opened" -> {
                    require(e, "ticket_id", "subject", "body", "channel", "category", "order_id");
                    assertTrue(CHANNELS.contains(p.get("channel")));
                }
                case "Support Ticket Resolved" -> require(e, "ticket_id", "resolution", "satisfaction");
                case "Product Used" -> require(e, "product_id", "feature", "usage_count");
                case "Consent Updated" -> require(e, "purposes", "policy_version");
                default -> throw new AssertionError("unexpected event " + e.event());
            }
        }
        assertEquals(14, seen.size(), "all event kinds should occur: " + seen);
    }

    @Test
    void reviewsAgreeWithWhatHappened() {
        Set<String> damaged = history.stream()
                .filter(e -> e.isTrack("Return Requested") && "damaged".equals(e.properties().get("reason_code")))
                .map(e -> (String) e.properties().get("order_id")).collect(Collectors.toSet());
        double damagedMean = meanRating(damaged, true);
        double otherMean = meanRating(damaged, false);
        assertTrue(damagedMean + 1 < otherMean, "damaged " + damagedMean + " vs others " + otherMean);
        long distinctTexts = history.stream().filter(e -> e.isTrack("Product Reviewed"))
                .map(e -> e.properties().get("review_body")).distinct().count();
        long reviews = history.stream().filter(e -> e.isTrack("Product Reviewed")).count();
        assertTrue(distinctTexts > 0.7 * reviews, distinctTexts + " distinct of " + reviews);
    }

    private static double meanRating(Set<String> orders, boolean inside) {
        return history.stream().filter(e -> e.isTrack("Product Reviewed"))
                .filter(e -> orders.contains((String) e.properties().get("order_id")) == inside)
                .mapToInt(e -> (Integer) e.properties().get("rating")).average().orElseThrow();
    }

    private static void require(DemoEvent e, String... keys) {
        for (String key : keys) assertTrue(e.properties().get(key) != null, key + " missing in " + e.event());
    }

    private static List<Map<?, ?>> products(DemoEvent e) {
        return ((List<?>) e.properties().get("products")).stream().<Map<?, ?>>map(p -> (Map<?, ?>) p).toList();
    }

    private static double rate(int[]... soldAndReturned) {
        int sold = 0, returned = 0;
        for (int[] counts : soldAndReturned) {
            sold += counts[0];
            returned += counts[1];
        }
        return returned / (double) sold;
    }
}
