package io.aftercart.profiles;

import static io.aftercart.profiles.TestEvents.alias;
import static io.aftercart.profiles.TestEvents.anonymous;
import static io.aftercart.profiles.TestEvents.at;
import static io.aftercart.profiles.TestEvents.event;
import static io.aftercart.profiles.TestEvents.identify;
import static io.aftercart.profiles.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import io.aftercart.profiles.internal.Fact;
import io.aftercart.profiles.internal.FactExtractor;
import io.aftercart.profiles.internal.FactRepository;
import io.aftercart.profiles.internal.LogRewinder;
import io.aftercart.profiles.internal.PiiProtector;
import io.aftercart.profiles.internal.PollInput;
import io.aftercart.profiles.internal.Prediction;
import io.aftercart.profiles.internal.ProfileChange;
import io.aftercart.profiles.internal.ProfileFold;
import io.aftercart.profiles.internal.ProfileRepository;
import io.aftercart.profiles.internal.ProfileUpdater;
import io.aftercart.profiles.internal.ScoreRepository;
import io.aftercart.profiles.internal.SentimentResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
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

/** The same profile-store assertions on each store; subclasses choose the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProfileStoreIT {

    private static final List<String> TABLES = List.of("facts", "identity_links", "predictions", "sentiments",
            "profiles");

    private ServiceStore store;
    private final List<ProfileChange> published = new ArrayList<>();
    /** The ids whose whole history a poll read, per read. */
    private final List<List<String>> historyReads = new ArrayList<>();
    private final PiiProtector pii =
            new PiiProtector("profile-store-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8));
    private final FactExtractor extractor = new FactExtractor(pii);
    private ProfileUpdater updater;
    private CustomerProfiles profiles;

    private final SqlDialect dialect;
    private TestStore testStore;

    protected ProfileStoreIT(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void open(@TempDir Path dataDir) {
        testStore = TestStore.open(dialect, "profiles", dataDir);
        store = testStore.store();
        FactRepository facts = new FactRepository(store) {
            @Override
            public List<Fact> factsOf(Collection<String> subjectIds) {
                historyReads.add(List.copyOf(subjectIds));
                return super.factsOf(subjectIds);
            }
        };
        ProfileRepository profileRepository = new ProfileRepository(store);
        updater = new ProfileUpdater(store, facts, new ScoreRepository(store), profileRepository,
                new ProfileFold(new CurrencyConverter("GBP", Map.of("EUR", new BigDecimal("0.85")))), changes -> {
                    published.addAll(changes);
                    return () -> { };
                });
        LogRewinder noConsumer = new LogRewinder() {
            @Override
            public int assignedPartitions() {
                return 0;
            }

            @Override
            public int rewindToBeginning() {
                return 0;
            }
        };
        profiles = new CustomerProfiles(profileRepository, facts, pii, updater, noConsumer,
                Clock.fixed(at(50), ZoneOffset.UTC));
    }

    @AfterAll
    void close() {
        testStore.close();
    }

    @BeforeEach
    void empty() {
        updater.reset(() -> { });
        published.clear();
        historyReads.clear();
    }

    /** Three customers: one stitched from an anonymous history, one aliased from an old account, one plain. */
    static List<CanonicalEvent> shop() {
        List<CanonicalEvent> events = new ArrayList<>(List.of(
                anonymous("a1", "anon-1", "page", at(0), "{'name':'home'}"),
                anonymous("a2", "anon-1", "Order Completed", at(1), "{'order_id':'o-a','total':20}"),
                identify("i1", "c1", "anon-1", at(2), "{'email':'Ann@Example.com','phone':'+44 20 7946 0958'}"),
                order("c1-1", "c1", at(3), "o1", "100", 3),
                event("c1-2", "c1", "Order Cancelled", at(4), "{'order_id':'o1'}"),
                order("c1-3", "c1", at(5), "o2", "60", 2),
                event("c1-4", "c1", "Product Returned", at(6),
                        "{'order_id':'o2','return_id':'r1','total':30,'products':[{'product_id':'p','quantity':1}]}"),
                event("c1-5", "c1", "NPS Survey Responded", at(7), "{'score':10,'comment':'call me at 0123'}"),
                event("old-1", "old", "Order Completed", at(0), "{'order_id':'o-old','total':5,'currency':'EUR'}"),
                alias("al1", "c2", "old", at(8)),
                order("c2-1", "c2", at(9), "o3", "40", 1),
                event("c2-2", "c2", "NPS Survey Responded", at(10), "{'score':7}")));
        IntStream.range(0, 30).forEach(i -> events.add(order("c3-" + i, "c3", at(i), "o-c3-" + i, "10", 1)));
        return events;
    }

    @Test
    void lateOutOfOrderAndRepeatedPollsGiveTheInOrderProfiles() {
        apply(shop());
        List<CustomerProfile> expected = all();
        assertThat(expected).extracting(CustomerProfile::customerId).containsExactly("c1", "c2", "c3");
        assertThat(published).extracting(ProfileChange::customerId).contains("c1", "c2", "c3");

        Random random = new Random(42);
        for (int run = 0; run < 3; run++) {
            empty();
            List<CanonicalEvent> delivered = new ArrayList<>(shop());
            delivered.addAll(shop().subList(0, 10)); // redelivered
            Collections.shuffle(delivered, random);
            for (int from = 0; from < delivered.size(); ) {
                int to = Math.min(delivered.size(), from + 1 + random.nextInt(8));
                apply(delivered.subList(from, to));
                from = to;
            }
            assertThat(all()).as("run %d", run).isEqualTo(expected);
        }

        published.clear();
        assertThat(apply(shop())).as("a redelivered history changes nothing").isZero();
        assertThat(published).isEmpty();
    }

    /**
     * The shop in event-time order, plus a customer with every kind of event, amounts finer than the store keeps and
     * times finer than a microsecond (which the store keeps to the microsecond).
     */
    static List<CanonicalEvent> inOrderShop() {
        List<CanonicalEvent> events = new ArrayList<>(shop());
        String returned = "{'order_id':'o42','return_id':'r42','total':3.3333333,'products':[{'product_id':'p'}]}";
        events.addAll(List.of(
                order("c4-1", "c4", fine(1), "o41", "10.1234567", 2),
                order("c4-2", "c4", fine(2), "o42", "10.1234567", 1),
                order("c4-3", "c4", fine(3), "o43", "10.1234567", 1),
                event("c4-4", "c4", "Order Updated", fine(4), "{'order_id':'o43','total':20.0000004}"),
                event("c4-5", "c4", "Order Refunded", fine(5), "{'order_id':'o41','total':1.0000005}"),
                event("c4-6", "c4", "Product Returned", fine(6), returned),
                event("c4-7", "c4", "Order Cancelled", fine(7), "{'order_id':'o42'}"),
                identify("c4-8", "c4", null, fine(8), "{'email':'dan@example.com'}"),
                event("c4-9", "c4", "Product Reviewed", fine(9), "{'review_id':'rv4','rating':4.5}"),
                event("c4-10", "c4", "Support Ticket Opened", fine(10), "{'ticket_id':'t4'}"),
                event("c4-11", "c4", "NPS Survey Responded", fine(11), "{'score':6}"),
                event("c4-12", "c4", "page", fine(12), "{'name':'home'}"),
                event("c4-13", "c4", "Support Ticket Resolved", fine(12), "{'ticket_id':'t4'}")));
        events.sort(Comparator.comparing(CanonicalEvent::time).thenComparing(CanonicalEvent::id));
        return events;
    }

    private static Instant fine(long days) {
        return at(days).plusNanos(123_456_789);
    }

    @Test
    void inOrderPollsFoldOnlyTheirNewFactsAndGiveTheRebuiltProfiles() {
        List<CanonicalEvent> events = inOrderShop();
        Random random = new Random(3);
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(4));
            apply(events.subList(from, to));
            from = to;
        }
        List<CustomerProfile> continued = all();
        assertThat(historyReads.stream().filter(ids -> ids.contains("c4")))
                .as("c4's history is read once, for its first fact; later facts continue its fold").hasSize(1);
        assertThat(historyReads.stream().filter(ids -> ids.contains("c3"))).hasSize(1);

        empty();
        apply(events);
        assertThat(all()).as("one fold over all facts").isEqualTo(continued);
        CustomerProfile c4 = profiles.profile("c4").orElseThrow();
        // o41: 10.123457 - 1.000000 refunded (both as stored); o42 cancelled whole, and returned: -3.333333; o43: 20
        assertThat(c4.netRevenue()).isEqualByComparingTo("25.790124");
        assertThat(c4.lastActivityAt()).isEqualTo(fine(12).truncatedTo(ChronoUnit.MICROS));
        assertThat(c4.hasEmail()).isTrue();
        assertThat(c4.openTickets()).isZero();
    }

    @Test
    void anAnonymousHistoryIsReadOnlyOnceItIsStitchedToACustomer() {
        apply(List.of(anonymous("v1", "anon-9", "page", at(1), "{'name':'home'}")));
        apply(List.of(anonymous("v2", "anon-9", "Order Completed", at(2), "{'order_id':'o9','total':9}")));

        assertThat(all()).isEmpty();
        assertThat(historyReads.stream().filter(ids -> ids.contains("anon-9"))).isEmpty();

        apply(List.of(identify("v3", "c9", "anon-9", at(3), "{}")));

        CustomerProfile c9 = profiles.profile("c9").orElseThrow();
        assertThat(c9.anonymousIds()).containsExactly("anon-9");
        assertThat(c9.orderCount()).isEqualTo(1);
        assertThat(historyReads.stream().filter(ids -> ids.contains("anon-9"))).hasSize(1);
    }

    @Test
    void aProfileStoredWithoutFoldStateIsFoldedFromItsHistoryOnItsNextChange() {
        apply(shop());
        store.jdbc().sql("UPDATE profiles SET fold_state = NULL").update();

        apply(List.of(order("c3-late", "c3", at(40), "o-c3-x", "10", 1)));

        CustomerProfile c3 = profiles.profile("c3").orElseThrow();
        assertThat(c3.orderCount()).isEqualTo(31);
        assertThat(c3.netRevenue()).isEqualByComparingTo("310");
        published.clear();
        apply(List.of(order("c3-later", "c3", at(41), "o-c3-y", "10", 1)));
        assertThat(profiles.profile("c3").orElseThrow().orderCount()).as("continued from the state stored again")
                .isEqualTo(32);
        assertThat(published).extracting(ProfileChange::customerId).containsExactly("c3");
    }

    @Test
    void stitchesAnonymousAndAliasedHistoriesWithoutDoubleCounting() {
        apply(shop().subList(8, 9)); // the old account's order: a profile of its own at first
        assertThat(profiles.profile("old")).isPresent();

        apply(shop());

        assertThat(profiles.profile("old")).isEmpty();
        assertThat(published).contains(new ProfileChange("old", null)); // tombstone: merged into c2
        CustomerProfile c1 = profiles.profile("c1").orElseThrow();
        assertThat(c1.anonymousIds()).containsExactly("anon-1");
        assertThat(c1.orderCount()).isEqualTo(3);
        assertThat(c1.netRevenue()).isEqualByComparingTo("50"); // 20 + 100 + 60 - 100 cancelled - 30 returned
        assertThat(c1.npsClass()).isEqualTo("promoter");
        assertThat(c1.daysSinceLastOrder()).isEqualTo(45);
        CustomerProfile c2 = profiles.profile("c2").orElseThrow();
        assertThat(c2.anonymousIds()).containsExactly("old");
        assertThat(c2.netRevenue()).isEqualByComparingTo("44.25"); // 40 + 5 EUR * 0.85
        assertThat(c2.firstOrderAt()).isEqualTo(at(0));

        TimelinePage timeline = profiles.timeline("c1", 3, null).orElseThrow();
        assertThat(timeline.events()).extracting(TimelineEntry::eventId).containsExactly("a1", "a2", "i1");
        assertThat(timeline.events().get(1).subjectId()).isEqualTo("anon-1");
        TimelinePage rest = profiles.timeline("c1", 100, timeline.nextCursor()).orElseThrow();
        assertThat(rest.events()).extracting(TimelineEntry::eventId)
                .containsExactly("c1-1", "c1-2", "c1-3", "c1-4", "c1-5");
        assertThat(rest.nextCursor()).isNull();
        assertThat(rest.events().get(0).details().get("order_id").asString()).isEqualTo("o1");
        assertThat(profiles.timeline("anon-1", 10, null)).isEmpty();
    }

    @Test
    void keepsContactDataOnlyHashedAndEncrypted() {
        apply(shop());

        String everything = String.join("\n", TABLES.stream().map(this::tableText).toList()).toLowerCase();
        assertThat(everything).contains("o-a"); // the scan sees the stored data
        for (String clear : List.of("ann@example.com", "7946", "0958", "call me")) {
            assertThat(everything).doesNotContain(clear);
        }
        assertThat(profiles.list(filter("ANN@example.com "), 10, null).profiles())
                .extracting(CustomerProfile::customerId).containsExactly("c1");
        assertThat(profiles.list(filter("bob@example.com"), 10, null).profiles()).isEmpty();
        assertThat(profiles.contact("c1").orElseThrow())
                .isEqualTo(new Contact("c1", "ann@example.com", "+442079460958"));
        assertThat(published).allSatisfy(change ->
                assertThat(String.valueOf(change.json()).toLowerCase()).doesNotContain("ann@", "7946"));
    }

    @Test
    void filtersAndPagesProfiles() {
        apply(shop());

        assertThat(ids(new ProfileFilter(3, null, null, null, null, null, null, null, null)))
                .containsExactly("c1", "c3");
        assertThat(ids(new ProfileFilter(null, 2, null, null, null, null, null, null, null))).containsExactly("c2");
        assertThat(ids(new ProfileFilter(null, null, new BigDecimal("100"), null, null, null, null, null, null)))
                .containsExactly("c3");
        assertThat(ids(new ProfileFilter(null, null, null, new BigDecimal("50"), null, null, null, null, null)))
                .containsExactly("c1", "c2");
        assertThat(ids(new ProfileFilter(null, null, null, null, at(6), null, null, null, null))).containsExactly("c1");
        assertThat(ids(new ProfileFilter(null, null, null, null, null, at(9), null, null, null))).containsExactly("c3");
        assertThat(ids(new ProfileFilter(null, null, null, null, null, null, "passive", null, null)))
                .containsExactly("c2");

        ProfilePage first = profiles.list(ProfileFilter.none(), 2, null);
        ProfilePage second = profiles.list(ProfileFilter.none(), 2, first.nextCursor());
        assertThat(first.profiles()).extracting(CustomerProfile::customerId).containsExactly("c1", "c2");
        assertThat(second.profiles()).extracting(CustomerProfile::customerId).containsExactly("c3");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void predictionsAndSentimentUpdateTheStitchedProfile() {
        apply(shop());
        PollInput scores = new PollInput();
        scores.predictions().add(Prediction.parse(
                "{\"customerId\":\"c1\",\"churnProbability\":0.2,\"clv\":10,\"atRisk\":false}".getBytes()));
        scores.predictions().add(Prediction.parse(
                "{\"customerId\":\"c1\",\"churnProbability\":0.7,\"clv\":12,\"atRisk\":true}".getBytes()));
        scores.sentiments().add(SentimentResult.parse(("{\"eventId\":\"c1-5\",\"customerId\":\"anon-1\","
                + "\"compound\":-0.4,\"label\":\"negative\",\"time\":\"" + at(7) + "\"}").getBytes()));

        assertThat(updater.apply(scores)).isEqualTo(1);

        CustomerProfile c1 = profiles.profile("c1").orElseThrow();
        assertThat(c1.churnProbability()).isEqualTo(0.7);
        assertThat(c1.atRisk()).isTrue();
        assertThat(c1.meanSentiment()).isEqualTo(-0.4);
        assertThat(c1.latestNegativeExperience().sourceType()).isEqualTo("NPS Survey Responded");
        assertThat(ids(new ProfileFilter(null, null, null, null, null, null, null, true, null))).containsExactly("c1");
    }

    @Test
    void storesALargePollInOneGo() {
        List<CanonicalEvent> poll = IntStream.range(0, 20_000)
                .mapToObj(i -> order("bulk-" + i, "c" + (i % 2_000), at(i % 300), "o" + i, "10", 1))
                .toList();

        long started = System.nanoTime();
        int changed = apply(poll);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%s: 20,000 events -> %d profiles in %d ms (%.0f events/s)%n", getClass().getSimpleName(),
                changed, millis, 20_000 * 1000.0 / Math.max(1, millis));

        assertThat(changed).isEqualTo(2_000);
        assertThat(profiles.profile("c7").orElseThrow().orderCount()).isEqualTo(10);
    }

    private int apply(List<CanonicalEvent> events) {
        PollInput input = new PollInput();
        for (CanonicalEvent event : events) {
            extractor.fact(event).ifPresent(input.facts()::add);
            FactExtractor.link(event).ifPresent(input.links()::add);
        }
        return updater.apply(input);
    }

    private List<CustomerProfile> all() {
        return profiles.list(ProfileFilter.none(), 500, null).profiles();
    }

    private List<String> ids(ProfileFilter filter) {
        return profiles.list(filter, 500, null).profiles().stream().map(CustomerProfile::customerId).toList();
    }

    private static ProfileFilter filter(String email) {
        return new ProfileFilter(null, null, null, null, null, null, null, null, email);
    }

    private String tableText(String table) {
        return store.jdbc().sql("SELECT * FROM " + table).query((row, n) -> {
            String[] values = new String[row.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getString(i + 1);
            }
            return Arrays.toString(values);
        }).list().toString();
    }
}
