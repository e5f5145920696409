package io.aftercart.intelligence.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.intelligence.churn.ChurnModelVersion.FrequencyBucket;
import io.aftercart.intelligence.churn.internal.ChurnStore;
import io.aftercart.intelligence.churn.internal.ModelVersionStore;
import io.aftercart.intelligence.churn.internal.OrderFact;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * The churn tables on each store (subclasses choose the database): order facts stored once per event id, purchase
 * summaries replaced as orders change, amounts at the columns' four decimals, model versions, and the at-risk
 * listing of {@code GET /api/v1/models/churn/at-risk}. Reporting in EUR with a rate for GBP only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChurnStoreIT {

    private static final Instant NOW = Instant.parse("2024-06-30T18:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    private static final CurrencyConverter CONVERTER =
            new CurrencyConverter("EUR", Map.of("GBP", new BigDecimal("1.17")));

    private final SqlDialect dialect;
    private TestStore testStore;
    private ChurnStore churn;
    private PurchaseLedger ledger;
    private int sequence;

    protected ChurnStoreIT(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void open(@TempDir Path dataDir) {
        testStore = TestStore.open(dialect, "intelligence", dataDir);
        use(testStore.store());
    }

    @AfterAll
    void close() {
        testStore.close();
    }

    @BeforeEach
    void empty() {
        List.of("churn_order_events", "churn_customer_summaries", "churn_model_versions")
                .forEach(table -> churn.store().jdbc().sql("DELETE FROM " + table).update());
    }

    private void use(ServiceStore store) {
        churn = new ChurnStore(store);
        ledger = new PurchaseLedger(churn, CONVERTER);
    }

    @Test
    void storesEachOrderEventOnceAndReplacesTheSummary() {
        List<CanonicalEvent> batch = List.of(
                completed("ann", "o1", 40, "100.00", "EUR"),
                completed("ann", "o2", 40, "20.50", "EUR"),
                completed("ann", "o3", 10, "50", "GBP"),
                completed("bob", "o4", 5, "12.34567", "EUR"));

        List<PurchaseSummary> handedOn = new ArrayList<>();
        assertThat(ledger.record(batch, handedOn::addAll)).containsExactly("ann", "bob");
        // handed on as the store reads them back, amounts at the columns' scale, so scores match the API's
        assertThat(handedOn).containsExactly(ledger.summary("ann").orElseThrow(), ledger.summary("bob").orElseThrow());
        // events recorded before change nobody, so nobody is re-scored and published again
        assertThat(ledger.record(batch, handedOn::addAll)).isEmpty();
        assertThat(ledger.record(batch.subList(1, 3), handedOn::addAll)).isEmpty();
        assertThat(handedOn).hasSize(2);

        assertThat(count("churn_order_events")).isEqualTo(4);
        // 50 GBP at 1.17; all amounts at the columns' scale, rounded half up
        assertThat(ledger.summary("ann")).contains(new PurchaseSummary("ann", 2, TODAY.minusDays(40),
                TODAY.minusDays(10), new BigDecimal("58.5000"), new BigDecimal("179.0000"), "EUR"));
        assertThat(ledger.summary("bob").orElseThrow().totalSpend()).isEqualTo(new BigDecimal("12.3457"));
        assertThat(churn.facts(List.of("bob"))).containsExactly(new OrderFact(batch.get(3).id(), "bob", "o4",
                OrderFact.Kind.COMPLETED, TODAY.minusDays(5), new BigDecimal("12.3457"), "EUR"));

        // a refund, then the redelivery of the whole history: the summary reflects each event once
        record(List.of(event("ann", "Order Refunded", 8, properties("o3").put("total", new BigDecimal("10"))
                .put("currency", "GBP"))));
        record(batch);

        assertThat(ledger.summary("ann").orElseThrow().totalSpend()).isEqualTo(new BigDecimal("167.3000"));
        assertThat(ledger.summary("ann").orElseThrow().repeatSpend()).isEqualTo(new BigDecimal("46.8000"));
        assertThat(count("churn_order_events")).isEqualTo(5);
    }

    @Test
    void removesTheSummaryOfACustomerWhoseOnlyOrderWasCancelled() {
        record(List.of(completed("cat", "o1", 3, "30", "EUR"), completed("dan", "o2", 3, "40", "EUR")));
        List<PurchaseSummary> handedOn = new ArrayList<>();
        assertThat(ledger.record(List.of(event("cat", "Order Cancelled", 2, properties("o1"))), handedOn::addAll))
                .containsExactly("cat");

        assertThat(handedOn).isEmpty();

        assertThat(ledger.summary("cat")).isEmpty();
        assertThat(ledger.summary("dan")).isPresent();
        assertThat(churn.summaries(null)).extracting(PurchaseSummary::customerId).containsExactly("dan");
    }

    @Test
    void recordsNothingWhenTheChangesCannotBeHandedOnSoARedeliveryHandsThemOn() {
        List<CanonicalEvent> batch = List.of(completed("ann", "o1", 40, "100", "EUR"),
                completed("bob", "o2", 5, "20", "EUR"));

        assertThatThrownBy(() -> ledger.record(batch, summaries -> {
            throw new IllegalStateException("the broker is down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count("churn_order_events")).isZero();
        assertThat(ledger.summary("ann")).isEmpty();

        List<PurchaseSummary> handedOn = new ArrayList<>();
        assertThat(ledger.record(batch, handedOn::addAll)).containsExactly("ann", "bob");
        assertThat(handedOn).extracting(PurchaseSummary::customerId).containsExactly("ann", "bob");
    }

    @Test
    void listsSummariesFromAValueThreshold() {
        record(List.of(completed("low", "o1", 3, "99.9999", "EUR"), completed("edge", "o2", 3, "100", "EUR"),
                completed("high", "o3", 3, "100.0001", "EUR")));

        assertThat(churn.summaries(new BigDecimal("100"))).extracting(PurchaseSummary::customerId)
                .containsExactlyInAnyOrder("edge", "high");
        assertThat(churn.summaries(BigDecimal.valueOf(99.99995))).extracting(PurchaseSummary::customerId)
                .containsExactlyInAnyOrder("edge", "high");
        assertThat(churn.summaries(null)).hasSize(3);
    }

    @Test
    void keepsEveryModelVersionAndFindsTheLatestUsable() {
        ModelVersionStore versions = new ModelVersionStore(churn.store());
        assertThat(versions.nextVersion()).isEqualTo(1);
        assertThat(versions.latest()).isEmpty();
        ChurnModelVersion fitted = new ChurnModelVersion(1, ChurnModelVersion.FITTED, null,
                Instant.parse("2024-06-01T02:03:04.567Z"), TODAY.minusDays(29), 2357, 946, 412,
                new ChurnModelVersion.PurchaseModel(0.2426, 4.4136, 0.7929, 2.4259, -9582.43, true, 311),
                new ChurnModelVersion.SpendModel(6.25, 3.74, 15.44, -4059.12, true, 946), null, 123.45, 0.5,
                List.of(new FrequencyBucket("0", 1411, 1409.5, 0, 0.0),
                        new FrequencyBucket("7+", 12, 13.25, 101, 98.5)));
        ChurnModelVersion shortOfData = new ChurnModelVersion(2, ChurnModelVersion.INSUFFICIENT_DATA,
                "3 customers with purchases, at least 50 needed", Instant.parse("2024-06-02T00:00:00Z"),
                TODAY.minusDays(28), 3, 1, 0, null, null, null, 0, 0.5, List.of());
        ChurnModelVersion notConverged = new ChurnModelVersion(3, ChurnModelVersion.NOT_CONVERGED,
                "the BG/NBD maximum-likelihood fit did not converge", Instant.parse("2024-06-03T00:00:00Z"),
                TODAY.minusDays(27), 80, 12, 9, new ChurnModelVersion.PurchaseModel(1, 2, 3, 4, -120.5, false, 5000),
                null, "spend model: 2 repeat customers with a positive net repeat spend, at least 10 needed", 50, 0.5,
                List.of());

        versions.save(fitted);
        versions.save(shortOfData);
        versions.save(notConverged);

        assertThat(versions.nextVersion()).isEqualTo(4);
        assertThat(versions.latest()).contains(notConverged);
        assertThat(versions.latestUsable()).contains(fitted);
        assertThat(churn.store().jdbc().sql("SELECT version, status, fitted_at, data_cutoff, converged, r, spend_q"
                + " FROM churn_model_versions ORDER BY version").query((row, i) -> List.of(row.getLong("version"),
                row.getString("status"), row.getObject("fitted_at", OffsetDateTime.class).toInstant(),
                row.getObject("data_cutoff", LocalDate.class), row.getBoolean("converged"),
                String.valueOf(row.getObject("r")), String.valueOf(row.getObject("spend_q")))).list())
                .containsExactly(
                        List.of(1L, "FITTED", fitted.fittedAt(), TODAY.minusDays(29), true, "0.2426", "3.74"),
                        List.of(2L, "INSUFFICIENT_DATA", shortOfData.fittedAt(), TODAY.minusDays(28), false, "null",
                                "null"),
                        List.of(3L, "NOT_CONVERGED", notConverged.fittedAt(), TODAY.minusDays(27), false, "1.0",
                                "null"));
    }

    @Test
    void listsValuableLapsedCustomersAtRiskAndKeepsTheModelAcrossARestart() {
        List<CanonicalEvent> events = simulatedCustomers(300);
        for (int c = 0; c < 8; c++) { // lapsed: every ten days, then nothing for eight months
            for (int o = 0; o < 8; o++) {
                events.add(completed("lapsed-" + c, "l" + c + "-" + o, 330 - 10 * o, String.valueOf(200 + c), "EUR"));
            }
        }
        record(events);
        List<CustomerPrediction> published = new ArrayList<>();
        ChurnModels models = models(published::addAll);

        ChurnModelVersion version = models.refit();

        assertThat(version.status()).as(version.toString()).isEqualTo(ChurnModelVersion.FITTED);
        assertThat(version.customers()).isEqualTo(churn.summaries(null).size()).isGreaterThan(200);
        assertThat(published).hasSize((int) version.customers());
        List<CustomerPrediction> top = models.atRisk(5);
        assertThat(top).extracting(CustomerPrediction::customerId)
                .containsExactly("lapsed-7", "lapsed-6", "lapsed-5", "lapsed-4", "lapsed-3");
        assertThat(top.get(0).pastValue()).isEqualTo(8 * 207.0);
        List<CustomerPrediction> all = models.atRisk(1000);
        assertThat(all).extracting(CustomerPrediction::customerId).contains("lapsed-2", "lapsed-1", "lapsed-0");
        assertThat(all).allSatisfy(p -> {
            assertThat(p.atRisk()).isTrue();
            assertThat(p.pAlive()).isLessThan(0.5);
            assertThat(p.pastValue()).isGreaterThanOrEqualTo(version.atRiskValueThreshold());
        });
        assertThat(all).extracting(CustomerPrediction::pastValue).isSortedAccordingTo(Comparator.reverseOrder());

        use(testStore.reopen());
        ChurnModels restarted = models(scores -> { });
        assertThat(restarted.current()).contains(version);
        assertThat(restarted.atRisk(5)).isEqualTo(top);
    }

    /**
     * Customers who buy as BG/NBD assumes (rates and drop-out probabilities near CDNOW's, in days), 20 a purchase,
     * first bought 30 to 360 days ago; from a fixed seed.
     */
    private List<CanonicalEvent> simulatedCustomers(int customers) {
        RandomGenerator generator = new Well19937c(11);
        GammaDistribution rates = new GammaDistribution(generator, 0.5, 1 / 20.0);
        BetaDistribution dropOuts = new BetaDistribution(generator, 0.8, 2.4);
        List<CanonicalEvent> events = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int age = 30 + generator.nextInt(331);
            double rate = rates.sample();
            double dropOut = dropOuts.sample();
            double day = 0;
            do {
                events.add(completed("sim-" + c, "s" + c + "-" + (int) day, age - (int) day, "20", "EUR"));
                day += -Math.log(1 - generator.nextDouble()) / rate;
            } while (day < age && generator.nextDouble() >= dropOut);
        }
        return events;
    }

    private Set<String> record(List<CanonicalEvent> events) {
        return ledger.record(events, summaries -> { });
    }

    private ChurnModels models(PredictionSink sink) {
        ChurnProperties properties = new ChurnProperties(Duration.ZERO, Duration.ZERO, 90, 365, 12, 0.1, 0.9, 50,
                50, 10, 80, 0.5, 1);
        return new ChurnModels(churn, new ModelVersionStore(churn.store()), properties, sink,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private long count(String table) {
        return churn.store().jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private CanonicalEvent completed(String customer, String orderId, int daysAgo, String total, String currency) {
        return event(customer, "Order Completed", daysAgo, properties(orderId).put("total", new BigDecimal(total))
                .put("currency", currency));
    }

    private static ObjectNode properties(String orderId) {
        return EventJson.mapper().createObjectNode().put("order_id", orderId);
    }

    private CanonicalEvent event(String customer, String type, int daysAgo, ObjectNode properties) {
        Instant time = NOW.minus(Duration.ofDays(daysAgo)).plusSeconds(sequence);
        return new CanonicalEvent("ev-" + sequence++, type, null, "test-shop", time, time, customer, null, properties,
                null);
    }
}
