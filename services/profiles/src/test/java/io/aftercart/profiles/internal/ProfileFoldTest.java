package io.aftercart.profiles.internal;

import static io.aftercart.profiles.TestEvents.alias;
import static io.aftercart.profiles.TestEvents.anonymous;
import static io.aftercart.profiles.TestEvents.at;
import static io.aftercart.profiles.TestEvents.event;
import static io.aftercart.profiles.TestEvents.identify;
import static io.aftercart.profiles.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.profiles.CustomerProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileFoldTest {

    private static final byte[] KEY = new byte[32];
    private final FactExtractor extractor = new FactExtractor(new PiiProtector(KEY));
    private final ProfileFold fold =
            new ProfileFold(new CurrencyConverter("GBP", Map.of("EUR", new BigDecimal("0.85"))));

    /** A customer who browsed anonymously, then identified, bought, cancelled, got refunds, returned and rated. */
    static List<CanonicalEvent> history() {
        return List.of(
                anonymous("a1", "anon-1", "page", at(0), "{'name':'home'}"),
                anonymous("a2", "anon-1", "Order Completed", at(1),
                        "{'order_id':'o0','total':20,'products':[{'product_id':'p','quantity':2}]}"),
                identify("i1", "c1", "anon-1", at(2), "{'email':'Ann@Example.com','phone':'+44 20 7946 0958'}"),
                order("e1", "c1", at(3), "o1", "100.00", 3),
                order("e2", "c1", at(10), "o2", "50", 1),
                event("e3", "c1", "Order Cancelled", at(11), "{'order_id':'o2'}"),
                order("e4", "c1", at(20), "o3", "80", 4),
                event("e5", "c1", "Order Refunded", at(25), "{'order_id':'o3','total':10}"),
                event("e6", "c1", "Product Returned", at(26),
                        "{'order_id':'o1','return_id':'r1','total':30,'products':[{'product_id':'p1','quantity':1}]}"),
                event("e7", "c1", "NPS Survey Responded", at(27), "{'score':9,'comment':'great'}"),
                event("e8", "c1", "NPS Survey Responded", at(28), "{'score':4}"),
                event("e9", "c1", "Product Reviewed", at(29), "{'product_id':'p1','review_id':'rv1','rating':5}"),
                event("e10", "c1", "Product Reviewed", at(30), "{'product_id':'p2','review_id':'rv2','rating':2}"),
                event("e11", "c1", "Support Ticket Opened", at(31), "{'ticket_id':'t1','subject':'late'}"),
                event("e12", "c1", "Support Ticket Opened", at(32), "{'ticket_id':'t2','subject':'broken'}"),
                event("e13", "c1", "Support Ticket Resolved", at(33), "{'ticket_id':'t1'}"),
                event("e14", "c1", "Order Completed", at(40), "{'order_id':'o4','total':70,'currency':'EUR'}"));
    }

    @Test
    void foldsAWholeHistory() {
        CustomerProfile p = foldEvents(history());

        assertThat(p.customerId()).isEqualTo("c1");
        assertThat(p.anonymousIds()).containsExactly("anon-1");
        assertThat(p.hasEmail()).isTrue();
        assertThat(p.hasPhone()).isTrue();
        assertThat(p.orderCount()).isEqualTo(5); // o0 (anonymous), o1, o2 (cancelled), o3, o4
        assertThat(p.firstOrderAt()).isEqualTo(at(1));
        assertThat(p.lastOrderAt()).isEqualTo(at(40));
        // 20 + 100 + 50 + 80 + 70 * 0.85 = 309.5, minus cancelled 50, refund 10, return 30
        assertThat(p.netRevenue()).isEqualByComparingTo("219.5");
        assertThat(p.averageOrderValue()).isEqualByComparingTo("54.875"); // 219.5 / 4 orders not cancelled
        assertThat(p.itemsBought()).isEqualTo(2 + 3 + 4);
        assertThat(p.returnCount()).isEqualTo(1);
        assertThat(p.returnedItems()).isEqualTo(1);
        assertThat(p.returnValue()).isEqualByComparingTo("30");
        assertThat(p.returnRateByItems()).isEqualTo(1.0 / 9);
        assertThat(p.returnRateByValue()).isEqualTo(30 / 259.5);
        assertThat(p.cancellationCount()).isEqualTo(1);
        assertThat(p.refundCount()).isEqualTo(1);
        assertThat(p.refundValue()).isEqualByComparingTo("10");
        assertThat(p.npsScore()).isEqualTo(4);
        assertThat(p.npsClass()).isEqualTo("detractor");
        assertThat(p.npsAt()).isEqualTo(at(28));
        assertThat(p.reviewCount()).isEqualTo(2);
        assertThat(p.meanRating()).isEqualTo(3.5);
        assertThat(p.openTickets()).isEqualTo(1);
        assertThat(p.resolvedTickets()).isEqualTo(1);
        assertThat(p.lastActivityAt()).isEqualTo(at(40));
        assertThat(p.unconvertible()).isNull();
        assertThat(p.churnProbability()).isNull();
        assertThat(p.meanSentiment()).isNull();
    }

    @Test
    void anyDeliveryOrderWithDuplicatesGivesTheInOrderProfile() {
        List<CanonicalEvent> inOrder = history();
        CustomerProfile expected = foldEvents(inOrder);
        Random random = new Random(20250301);
        for (int run = 0; run < 200; run++) {
            List<CanonicalEvent> delivered = new ArrayList<>(inOrder);
            for (int d = random.nextInt(5); d > 0; d--) {
                delivered.add(inOrder.get(random.nextInt(inOrder.size()))); // redelivered
            }
            Collections.shuffle(delivered, random);
            assertThat(foldEvents(delivered)).as("delivery order %s", ids(delivered)).isEqualTo(expected);
        }
    }

    /** The history with more of every kind: updates, partial and whole cancellations, an unconvertible amount. */
    static List<CanonicalEvent> longerHistory() {
        List<CanonicalEvent> events = new ArrayList<>(history());
        events.addAll(List.of(
                event("f1", "c1", "Order Updated", at(41), "{'order_id':'o4','total':75,'currency':'EUR'}"),
                event("f2", "c1", "Order Cancelled", at(42), "{'order_id':'o4','total':5,'currency':'EUR'}"),
                identify("f3", "c1", "anon-1", at(43), "{'email':'ann@new.example.com'}"),
                event("f4", "c1", "Product Reviewed", at(44), "{'product_id':'p1','review_id':'rv1','rating':3}"),
                event("f5", "c1", "Support Ticket Resolved", at(45), "{'ticket_id':'t2'}"),
                event("f6", "c1", "Order Completed", at(46), "{'order_id':'o5','total':12,'currency':'USD'}"),
                event("f7", "c1", "Order Refunded", at(47), "{'order_id':'o5','total':2,'currency':'USD'}"),
                event("f8", "c1", "Product Returned", at(48),
                        "{'order_id':'o3','return_id':'r2','total':15,'products':[{'product_id':'p','quantity':2}]}"),
                event("f9", "c1", "Order Cancelled", at(49), "{'order_id':'o0'}"),
                event("f10", "c1", "NPS Survey Responded", at(50), "{'score':8}"),
                event("f11", "c1", "page", at(51), "{'name':'account'}"),
                order("f12", "c1", at(51), "o6", "33.333333", 1), // same time as f11: the event id orders them
                event("f13", "c1", "Order Updated", at(52),
                        "{'order_id':'o6','products':[{'product_id':'p','quantity':3}]}")));
        return events;
    }

    @Test
    void foldingLaterFactsOntoAStoredStateGivesTheFullFold() {
        List<Fact> facts = longerHistory().stream().map(e -> extractor.fact(e).orElseThrow()).toList();
        Set<String> members = Set.of("c1", "anon-1");
        FoldedProfile full = fold.fold("c1", members, facts, null, List.of());
        Random random = new Random(11);
        for (int split = 0; split <= facts.size(); split++) {
            FoldState state = stored(FoldState.replay(members, facts.subList(0, split)));
            for (int from = split; from < facts.size(); ) {
                int to = Math.min(facts.size(), from + 1 + random.nextInt(4));
                List<Fact> poll = facts.subList(from, to);
                assertThat(state.continuesWith(members, poll)).as("after %d, poll %d..%d", split, from, to).isTrue();
                poll.forEach(state::apply);
                state = stored(state);
                from = to;
            }
            FoldedProfile continued = fold.profile("c1", state, null, List.of(), id -> null);
            assertThat(continued.profile()).as("stored after %d facts", split).isEqualTo(full.profile());
            assertThat(continued.email()).isEqualTo(full.email());
            assertThat(state.toJson()).isEqualTo(full.state().toJson());
        }
        assertThat(full.profile().unconvertible().currencies()).containsExactly("USD");
        assertThat(full.profile().cancellationCount()).isEqualTo(3);
        assertThat(full.profile().resolvedTickets()).isEqualTo(2);
        assertThat(full.profile().lastActivityAt()).isEqualTo(at(52));
    }

    @Test
    void aStoredStateOnlyContinuesWithLaterFactsOfTheSameIds() {
        List<Fact> facts = history().stream().map(e -> extractor.fact(e).orElseThrow()).toList();
        Set<String> members = Set.of("c1", "anon-1");
        FoldState state = FoldState.replay(members, facts.subList(0, 5)); // the last one applied: e2 at day 10
        Fact late = extractor.fact(order("e1b", "c1", at(9), "o9", "5", 1)).orElseThrow();
        Fact sameTimeSmallerId = extractor.fact(order("e1", "c1", at(10), "o9", "5", 1)).orElseThrow();
        Fact sameTimeLargerId = extractor.fact(order("e2b", "c1", at(10), "o9", "5", 1)).orElseThrow();

        assertThat(state.continuesWith(members, List.of())).isTrue();
        assertThat(state.continuesWith(members, List.of(sameTimeLargerId))).isTrue();
        assertThat(state.continuesWith(members, List.of(sameTimeSmallerId))).isFalse();
        assertThat(state.continuesWith(members, List.of(late, facts.get(5)))).isFalse();
        assertThat(state.continuesWith(Set.of("c1"), facts.subList(5, 6))).as("an id split off").isFalse();
        assertThat(state.continuesWith(Set.of("c1", "anon-1", "old"), facts.subList(5, 6))).as("an id merged in")
                .isFalse();
    }

    /** The state as stored and read back. */
    private static FoldState stored(FoldState state) {
        return FoldState.read(state.toJson(), state.email(), state.phone());
    }

    @Test
    void theLatestNpsAnswerByEventTimeWinsWhateverArrivesLast() {
        List<CanonicalEvent> answers = List.of(
                event("n1", "c1", "NPS Survey Responded", at(1), "{'score':10}"),
                event("n2", "c1", "NPS Survey Responded", at(2), "{'score':7}"));

        assertThat(foldEvents(answers).npsClass()).isEqualTo("passive");
        assertThat(foldEvents(List.of(answers.get(1), answers.get(0))).npsClass()).isEqualTo("passive");
        assertThat(ProfileFold.npsClass(0)).isEqualTo("detractor");
        assertThat(ProfileFold.npsClass(6)).isEqualTo("detractor");
        assertThat(ProfileFold.npsClass(7)).isEqualTo("passive");
        assertThat(ProfileFold.npsClass(8)).isEqualTo("passive");
        assertThat(ProfileFold.npsClass(9)).isEqualTo("promoter");
        assertThat(ProfileFold.npsClass(10)).isEqualTo("promoter");
        assertThat(ProfileFold.npsClass(null)).isNull();
    }

    @Test
    void aFullyCancelledCustomerHasZeroNetRevenueAndNoAverageOrderValue() {
        CustomerProfile p = foldEvents(List.of(
                order("e1", "c1", at(1), "o1", "40", 2),
                event("e2", "c1", "Order Cancelled", at(2), "{'order_id':'o1','total':40}")));

        assertThat(p.orderCount()).isEqualTo(1);
        assertThat(p.cancellationCount()).isEqualTo(1);
        assertThat(p.netRevenue()).isEqualByComparingTo("0");
        assertThat(p.averageOrderValue()).isNull();
        assertThat(p.itemsBought()).isZero();
        assertThat(p.returnRateByItems()).isNull();
    }

    @Test
    void refundsBeyondTheOrderValueGiveANegativeNetRevenue() {
        CustomerProfile p = foldEvents(List.of(
                order("e1", "c1", at(1), "o1", "25", 1),
                event("e2", "c1", "Order Refunded", at(2), "{'order_id':'o1','total':25}"),
                event("e3", "c1", "Order Refunded", at(3), "{'order_id':'o0','total':15}")));

        assertThat(p.netRevenue()).isEqualByComparingTo("-15");
        assertThat(p.averageOrderValue()).isEqualByComparingTo("-15");
        assertThat(p.refundCount()).isEqualTo(2);
        assertThat(p.refundValue()).isEqualByComparingTo("40");
    }

    @Test
    void aReturnAndTheRefundOfTheSameMoneyCountOnce() {
        CustomerProfile p = foldEvents(List.of(
                order("e1", "c1", at(1), "o1", "300", 2),
                order("e2", "c1", at(2), "o2", "70", 1),
                event("e3", "c1", "Product Returned", at(3),
                        "{'order_id':'o1','return_id':'r1','total':247,'products':[{'product_id':'p','quantity':1}]}"),
                event("e4", "c1", "Order Refunded", at(4), "{'order_id':'o1','total':247}")));

        assertThat(p.netRevenue()).isEqualByComparingTo("123"); // 300 + 70 - 247 once
        assertThat(p.averageOrderValue()).isEqualByComparingTo("61.5");
        assertThat(p.returnValue()).isEqualByComparingTo("247");
        assertThat(p.refundValue()).isEqualByComparingTo("247");
    }

    @Test
    void moneyBackIsTheLargerOfRefundsAndCancelledPlusReturnedPerOrder() {
        CustomerProfile p = foldEvents(List.of(
                order("e1", "c1", at(1), "o1", "100", 4),
                event("e2", "c1", "Order Cancelled", at(2), "{'order_id':'o1','total':20}"),
                event("e3", "c1", "Product Returned", at(3), "{'order_id':'o1','return_id':'r1','total':30}"),
                event("e4", "c1", "Order Refunded", at(4), "{'order_id':'o1','total':40}"),
                order("e5", "c1", at(5), "o2", "60", 1),
                event("e6", "c1", "Order Refunded", at(6), "{'order_id':'o2','total':45}"),
                event("e7", "c1", "Product Returned", at(7), "{'order_id':'o2','return_id':'r2','total':10}"),
                event("e8", "c1", "Order Refunded", at(8), "{'total':5}")));

        // o1: 100 - max(40, 20 + 30); o2: 60 - max(45, 10); a refund without order id on its own: -5
        assertThat(p.netRevenue()).isEqualByComparingTo("60");
        assertThat(p.cancellationCount()).isEqualTo(1);
        assertThat(p.itemsBought()).as("a partial cancellation keeps the order").isEqualTo(5);
        assertThat(p.averageOrderValue()).isEqualByComparingTo("30");
    }

    @Test
    void aCancellationWithoutAmountTakesBackTheWholeOrderAndItsRefundCountsOnce() {
        CustomerProfile p = foldEvents(List.of(
                event("e1", "c1", "Order Refunded", at(3), "{'order_id':'o1','total':80}"),
                order("e2", "c1", at(1), "o1", "80", 2),
                event("e3", "c1", "Order Cancelled", at(2), "{'order_id':'o1'}"),
                order("e4", "c1", at(4), "o2", "25", 1)));

        assertThat(p.netRevenue()).isEqualByComparingTo("25");
        assertThat(p.averageOrderValue()).isEqualByComparingTo("25"); // over the one order not fully cancelled
        assertThat(p.itemsBought()).isEqualTo(1);
    }

    @Test
    void anOrderUpdateReplacesTheOrderTotalAndRepeatedCompletionsCountOnce() {
        CustomerProfile p = foldEvents(List.of(
                order("e1", "c1", at(1), "o1", "40", 2),
                order("e1-retry", "c1", at(1), "o1", "40", 2),
                event("e2", "c1", "Order Updated", at(2), "{'order_id':'o1','total':55}")));

        assertThat(p.orderCount()).isEqualTo(1);
        assertThat(p.netRevenue()).isEqualByComparingTo("55");
    }

    @Test
    void amountsInACurrencyWithoutRateAreLeftOutAndReported() {
        CustomerProfile p = foldEvents(List.of(
                order("e1", "c1", at(1), "o1", "40", 1),
                event("e2", "c1", "Order Completed", at(2), "{'order_id':'o2','total':100,'currency':'USD'}"),
                event("e3", "c1", "Order Refunded", at(3), "{'order_id':'o2','total':20,'currency':'USD'}"),
                event("e4", "c1", "Order Completed", at(4), "{'order_id':'o3','total':10,'currency':'EUR'}")));

        assertThat(p.orderCount()).isEqualTo(3);
        assertThat(p.netRevenue()).isEqualByComparingTo("48.5"); // 40 + 10 * 0.85; USD never summed
        assertThat(p.averageOrderValue()).isEqualByComparingTo("24.25"); // over the two valued orders
        assertThat(p.unconvertible().count()).isEqualTo(2);
        assertThat(p.unconvertible().currencies()).containsExactly("USD");
        assertThat(p.unconvertible().reason()).contains("No exchange rate from USD", "aftercart.reporting.rates.USD");
    }

    @Test
    void aStitchedAnonymousHistoryCountsOnceAndOnlyForItsCustomer() {
        List<CanonicalEvent> events = List.of(
                anonymous("a1", "anon-1", "Order Completed", at(1), "{'order_id':'o1','total':10}"),
                identify("i1", "c1", "anon-1", at(2), "{}"),
                alias("al1", "c1", "old-account", at(3)),
                event("x1", "old-account", "Order Completed", at(0), "{'order_id':'o0','total':5}"),
                order("e1", "c1", at(4), "o2", "20", 1));
        List<Fact> facts = events.stream().map(e -> extractor.fact(e).orElseThrow()).toList();
        List<IdentityLink> links = events.stream().flatMap(e -> FactExtractor.link(e).stream()).toList();
        IdentityGraph graph = new IdentityGraph(links);
        Map<String, Set<String>> members = graph.membersByRoot(
                facts.stream().map(Fact::subjectId).collect(Collectors.toSet()));

        assertThat(members).containsOnlyKeys("c1");
        CustomerProfile p = fold.fold("c1", members.get("c1"), facts, null, List.of()).profile();
        assertThat(p.anonymousIds()).containsExactly("anon-1", "old-account");
        assertThat(p.orderCount()).isEqualTo(3);
        assertThat(p.netRevenue()).isEqualByComparingTo("35");
        assertThat(p.firstOrderAt()).isEqualTo(at(0));
    }

    @Test
    void predictionsAndSentimentFillTheirFields() {
        Prediction prediction = Prediction.parse(("{'customerId':'c1','modelVersion':'bgnbd-1','pAlive':0.4,"
                + "'churnProbability':0.6,'clv':120.5,'clvLow':80,'clvHigh':170,"
                + "'expectedNextOrderDate':'2025-06-01T00:00:00Z','atRisk':true,'novel':1}").replace('\'', '"')
                .getBytes());
        List<SentimentResult> sentiments = List.of(
                sentiment("e9", 0.6, "positive", at(29)),
                sentiment("e10", -0.7, "negative", at(30)),
                sentiment("e11", -0.2, "negative", at(31)));
        List<Fact> facts = history().stream().map(e -> extractor.fact(e).orElseThrow()).toList();

        CustomerProfile p = fold.fold("c1", Set.of("c1", "anon-1"), facts, prediction, sentiments).profile();

        assertThat(p.churnProbability()).isEqualTo(0.6);
        assertThat(p.predictedClv()).isEqualByComparingTo("120.5");
        assertThat(p.predictedClvLow()).isEqualByComparingTo("80");
        assertThat(p.predictedClvHigh()).isEqualByComparingTo("170");
        assertThat(p.expectedNextOrder()).hasToString("2025-06-01");
        assertThat(p.atRisk()).isTrue();
        assertThat(p.predictionModelVersion()).isEqualTo("bgnbd-1");
        assertThat(p.meanSentiment()).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.latestNegativeExperience()).isEqualTo(
                new CustomerProfile.NegativeExperience("e11", at(31), "Support Ticket Opened", -0.2, "delivery"));
    }

    private static SentimentResult sentiment(String eventId, double compound, String label, Instant time) {
        return SentimentResult.parse(("{'eventId':'" + eventId + "','customerId':'c1','compound':" + compound
                + ",'label':'" + label + "','aspects':[{'aspect':'quality','compound':0.1,'label':'positive'},"
                + "{'aspect':'delivery','compound':-0.5,'label':'negative'}],'text':'never kept','time':'" + time
                + "'}").replace('\'', '"').getBytes());
    }

    private CustomerProfile foldEvents(List<CanonicalEvent> events) {
        List<Fact> facts = events.stream().map(e -> extractor.fact(e).orElseThrow()).toList();
        Set<String> members = facts.stream().map(Fact::subjectId).collect(Collectors.toSet());
        return fold.fold("c1", members, facts, null, List.of()).profile();
    }

    private static List<String> ids(List<CanonicalEvent> events) {
        return events.stream().map(CanonicalEvent::id).toList();
    }
}
