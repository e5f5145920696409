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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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

/** The same profile-store assertions on each store; subclasses choose the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProfileStoreIT {

    private static final List<String> TABLES = List.of("facts", "identity_links", "predictions", "sentiments",
            "profiles");

    private ServiceStore store;
    private final List<ProfileChange> published = new ArrayList<>();
    private final PiiProtector pii = new PiiProtector("profile-store-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8));
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
        FactRepository facts = new FactRepository(store);
        ProfileRepository profileRepository = new ProfileRepository(store);
        updater = new ProfileUpdater(store, facts, new ScoreRepository(store), profileRepository,
                new ProfileFold(new CurrencyConverter("GBP", Map.of("EUR", new BigDecimal("0.85")))),
                published::addAll);
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

        assertThat(ids(new ProfileFilter(3, null, null, null, null, null, null, null, null))).containsExactly("c1", "c3");
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
