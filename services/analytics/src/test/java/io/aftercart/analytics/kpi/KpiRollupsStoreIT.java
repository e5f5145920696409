package io.aftercart.analytics.kpi;

import static io.aftercart.analytics.kpi.KpiEvents.cancelled;
import static io.aftercart.analytics.kpi.KpiEvents.line;
import static io.aftercart.analytics.kpi.KpiEvents.nps;
import static io.aftercart.analytics.kpi.KpiEvents.order;
import static io.aftercart.analytics.kpi.KpiEvents.refunded;
import static io.aftercart.analytics.kpi.KpiEvents.returned;
import static io.aftercart.analytics.kpi.KpiEvents.ticketOpened;
import static io.aftercart.analytics.kpi.KpiEvents.ticketResolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.analytics.internal.RollupColumn;
import io.aftercart.analytics.internal.RollupTable;
import io.aftercart.analytics.internal.RollupTables;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.events.ReturnReasonCode;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.SqlDialect;
import io.aftercart.platform.testing.TestStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KPI rollups on each store (subclasses choose the database), fed the way the consumer feeds them: through
 * the warehouse's batch insert. Reporting in GBP with a rate for EUR only, days of Europe/London.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KpiRollupsStoreIT {

    private static final CurrencyConverter CONVERTER =
            new CurrencyConverter("GBP", Map.of("EUR", new BigDecimal("0.85")));
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ServiceStore store;
    private KpiRollups rollups;
    private EventWarehouse warehouse;
    private KpiQueries queries;

    private final SqlDialect dialect;
    private TestStore testStore;

    protected KpiRollupsStoreIT(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @BeforeAll
    void open(@TempDir Path dataDir) {
        testStore = TestStore.open(dialect, "analytics", dataDir);
        use(testStore.store());
    }

    @AfterAll
    void close() {
        testStore.close();
    }

    @BeforeEach
    void empty() {
        store.jdbc().sql("DELETE FROM events").update();
        RollupTables.ALL.forEach(table -> store.jdbc().sql("DELETE FROM " + table.name()).update());
    }

    private void use(ServiceStore opened) {
        store = opened;
        rollups = new KpiRollups(store, CONVERTER, LONDON);
        warehouse = new EventWarehouse(store, rollups);
        queries = new KpiQueries(store, CONVERTER);
    }

    @Test
    void aLateFirstOrderMovesItsCustomerToTheEarlierCohort() {
        warehouse.storeBatch(List.of(
                order("a2", "anna", "2025-02-05T10:00:00Z", "50.00", "GBP"),
                order("a3", "anna", "2025-03-20T10:00:00Z", "30.00", "GBP"),
                order("b1", "ben", "2025-02-12T10:00:00Z", "80.00", "GBP")));
        assertThat(cohortSizes(Granularity.MONTH)).containsExactly(Map.entry(LocalDate.parse("2025-02-01"), 2L));

        warehouse.storeBatch(List.of(order("a1", "anna", "2025-01-10T10:00:00Z", "100.00", "GBP")));

        CohortReport report = queries.cohorts(Granularity.MONTH, "customers", KpiRange.all());
        assertThat(cohortSizes(Granularity.MONTH)).containsExactly(
                Map.entry(LocalDate.parse("2025-01-01"), 1L), Map.entry(LocalDate.parse("2025-02-01"), 1L));
        CohortReport.Cohort january = report.cohorts().get(0);
        assertThat(january.periods()).extracting(CohortReport.Period::customers).containsExactly(1L, 1L, 1L);
        assertThat(january.periods()).extracting(CohortReport.Period::revenue)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("50.00"), new BigDecimal("30.00"));
        CohortReport.Cohort february = report.cohorts().get(1);
        assertThat(february.periods()).extracting(CohortReport.Period::retention)
                .containsExactly(new BigDecimal("1.0000"), new BigDecimal("0.0000"));
        assertThat(queries.cohorts(Granularity.MONTH, "revenue", KpiRange.all()).cohorts().get(0).periods())
                .extracting(CohortReport.Period::retention)
                .containsExactly(new BigDecimal("1.0000"), new BigDecimal("0.5000"), new BigDecimal("0.3000"));
        assertThat(queries.clv(Granularity.MONTH, KpiRange.all()).cohorts().get(0).ages())
                .extracting(ClvReport.Age::revenuePerCustomer)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("150.00"), new BigDecimal("180.00"));

        RepeatPurchaseReport repeat = queries.repeatPurchase(KpiRange.all());
        assertThat(repeat.customers()).isEqualTo(2);
        assertThat(repeat.repeatCustomers()).isEqualTo(1);
        assertThat(repeat.repeatRate()).isEqualByComparingTo("0.5");
        assertThat(repeat.daysToSecondOrder().customers()).isEqualTo(1);
        assertThat(repeat.daysToSecondOrder().median()).isEqualTo(26.0); // 10 Jan -> 5 Feb
    }

    @Test
    void redeliveredEventsAreCountedOnceAlsoAfterARestart() throws Exception {
        List<CanonicalEvent> batch = mixedHistory();
        warehouse.storeBatch(batch);
        Snapshot once = snapshot();

        warehouse.storeBatch(batch);
        List<CanonicalEvent> doubled = new ArrayList<>(batch);
        doubled.addAll(batch);
        warehouse.storeBatch(doubled);
        assertThat(snapshot()).isEqualTo(once);

        use(testStore.reopen());
        warehouse.storeBatch(batch);
        assertThat(snapshot()).isEqualTo(once);
        assertThat(once.orders().periods()).extracting(OrdersReport.Period::orders).containsExactly(3L, 2L);
    }

    @Test
    void rebuildingFromTheWarehouseGivesTheIncrementalRollups() {
        List<CanonicalEvent> history = new ArrayList<>(mixedHistory());
        Collections.shuffle(history, new Random(11));
        for (int from = 0; from < history.size(); from += 3) {
            warehouse.storeBatch(history.subList(from, Math.min(history.size(), from + 3)));
        }
        Snapshot incremental = snapshot();
        List<List<Object>> incrementalTables = tables();

        assertThat(rollups.rebuild(warehouse)).isEqualTo(history.size());

        assertThat(tables()).isEqualTo(incrementalTables);
        assertThat(snapshot()).isEqualTo(incremental);
        assertThat(incremental.returns().total().itemsReturned()).isEqualTo(2);
    }

    @Test
    void netRevenueCountsEachOrdersMoneyBackOnceOnTheOrdersDayWhateverArrivesWhen() {
        warehouse.storeBatch(List.of(moneyBackHistory().get(0))); // a refund before its order
        assertThat(netByMonth()).containsExactly(Map.entry(LocalDate.parse("2025-05-01"), new BigDecimal("-25.00")));

        List<CanonicalEvent> rest = new ArrayList<>(moneyBackHistory().subList(1, moneyBackHistory().size()));
        Collections.shuffle(rest, new Random(5));
        for (int from = 0; from < rest.size(); from += 2) {
            warehouse.storeBatch(rest.subList(from, Math.min(rest.size(), from + 2)));
        }

        // x: 100 - 25 refunded; y: 60 - 30 returned and refunded (once); z: 50 cancelled in full and refunded
        assertThat(netByMonth()).containsExactly(Map.entry(LocalDate.parse("2025-04-01"), new BigDecimal("105.00")),
                Map.entry(LocalDate.parse("2025-05-01"), new BigDecimal("0.00")));
        OrdersReport.Period april = queries.orders(Granularity.MONTH, KpiRange.all()).periods().get(0);
        assertThat(april.orders()).isEqualTo(3);
        assertThat(april.grossRevenue()).isEqualByComparingTo("210.00");
        assertThat(april.averageOrderValue()).isEqualByComparingTo("52.50"); // over x and y, z was cancelled in full
        assertThat(queries.orders(Granularity.DAY, KpiRange.all()).periods())
                .filteredOn(p -> p.start().equals(LocalDate.parse("2025-04-29"))).singleElement()
                .satisfies(day -> assertThat(day.netRevenue()).isEqualByComparingTo("30.00"));

        Snapshot incremental = snapshot();
        List<List<Object>> incrementalTables = tables();
        assertThat(rollups.rebuild(warehouse)).isEqualTo(moneyBackHistory().size());
        assertThat(tables()).isEqualTo(incrementalTables);
        assertThat(snapshot()).isEqualTo(incremental);
    }

    /** Refunds, returns and cancellations of the same money; the first event is a refund that precedes its order. */
    private static List<CanonicalEvent> moneyBackHistory() {
        return List.of(
                refunded("xf", "fay", "2025-05-20T10:00:00Z", "o-x", "25.00", "GBP"),
                order("x", "fay", "2025-04-28T10:00:00Z", "100.00", "GBP", line("lamp", "home", 1, "100.00")),
                order("y", "gus", "2025-04-29T10:00:00Z", "60.00", "GBP", line("shirt", "apparel", 2, "30.00")),
                returned("yr", "gus", "2025-05-02T10:00:00Z", "o-y", ReturnReasonCode.WRONG_SIZE,
                        line("shirt", "apparel", 1, "30.00")),
                refunded("yf", "gus", "2025-05-03T10:00:00Z", "o-y", "30.00", "GBP"),
                order("z", "hal", "2025-04-30T10:00:00Z", "50.00", "GBP", line("mug", "home", 5, "10.00")),
                cancelled("zc", "hal", "2025-05-01T10:00:00Z", "o-z", null),
                refunded("zf", "hal", "2025-05-01T11:00:00Z", "o-z", "50.00", "GBP"));
    }

    private Map<LocalDate, BigDecimal> netByMonth() {
        Map<LocalDate, BigDecimal> net = new java.util.LinkedHashMap<>();
        queries.orders(Granularity.MONTH, KpiRange.all()).periods()
                .forEach(period -> net.put(period.start(), period.netRevenue()));
        return net;
    }

    @Test
    void amountsWithoutARateAreExcludedAndOthersConverted() {
        warehouse.storeBatch(List.of(
                order("g1", "gina", "2025-03-03T10:00:00Z", "10.00", "GBP", line("p1", "shoes", 1, "10.00")),
                order("e1", "emil", "2025-03-03T11:00:00Z", "20.00", "EUR", line("p1", "shoes", 2, "10.00")),
                order("u1", "uma", "2025-03-03T12:00:00Z", "99.00", "USD", line("p1", "shoes", 1, "99.00")),
                refunded("u2", "uma", "2025-03-04T12:00:00Z", "o-u1", "99.00", "USD")));

        OrdersReport orders = queries.orders(Granularity.MONTH, KpiRange.all());
        assertThat(orders.periods()).hasSize(1);
        OrdersReport.Period march = orders.periods().get(0);
        assertThat(march.orders()).isEqualTo(2);
        assertThat(march.grossRevenue()).isEqualByComparingTo("27.00"); // 10 + 20 x 0.85; the USD order is left out
        assertThat(march.refunded()).isEqualByComparingTo("0");
        assertThat(orders.excluded().events()).isEqualTo(2);
        assertThat(orders.excluded().currencies()).singleElement().satisfies(excluded -> {
            assertThat(excluded.currency()).isEqualTo("USD");
            assertThat(excluded.reason()).contains("aftercart.reporting.rates.USD");
        });
        assertThat(queries.returns("product", Granularity.MONTH, KpiRange.all(), 10).rows()).singleElement()
                .satisfies(row -> {
                    assertThat(row.itemsSold()).isEqualTo(3);
                    assertThat(row.itemsSoldValue()).isEqualByComparingTo("27.00");
                });
        assertThat(queries.excluded(new KpiRange(LocalDate.parse("2025-03-04"), null)).events()).isEqualTo(1);
    }

    @Test
    void cohortsOfARangeAddUpTheWholeCohortsAndTheFirstOrderDaysAround() {
        warehouse.storeBatch(List.of(
                order("c1", "ann", "2025-01-10T10:00:00Z", "10.00", "GBP"),
                order("c2", "ann", "2025-02-05T10:00:00Z", "10.00", "GBP"),
                order("c3", "ben", "2025-01-25T10:00:00Z", "10.00", "GBP"),
                order("c4", "ben", "2025-03-01T10:00:00Z", "10.00", "GBP"),
                order("c5", "cleo", "2025-02-14T10:00:00Z", "10.00", "GBP"),
                order("c6", "cleo", "2025-02-20T10:00:00Z", "10.00", "GBP"),
                order("c7", "dan", "2025-03-03T10:00:00Z", "10.00", "GBP")));

        // cohort: customers active per period since the first order, up to the period of the range's last order
        assertThat(cohortCells(Granularity.MONTH, KpiRange.all()))
                .containsExactly("2025-01-01 [2, 1, 1]", "2025-02-01 [1, 0]", "2025-03-01 [1]");
        // January cut (ben only), February whole (cleo), March cut before dan
        assertThat(cohortCells(Granularity.MONTH, range("2025-01-20", "2025-03-02")))
                .containsExactly("2025-01-01 [1, 0, 1]", "2025-02-01 [1, 0]");
        assertThat(cohortCells(Granularity.MONTH, range("2025-01-01", "2025-02-01")))
                .containsExactly("2025-01-01 [2]");
        // Wednesday 22 January to Friday 14 February: ben's week cut, two whole weeks without anyone, cleo's cut
        assertThat(cohortCells(Granularity.WEEK, range("2025-01-22", "2025-02-15")))
                .containsExactly("2025-01-20 [1, 0, 0, 0]", "2025-02-10 [1]");
    }

    private List<String> cohortCells(Granularity granularity, KpiRange range) {
        return queries.cohorts(granularity, "customers", range).cohorts().stream()
                .map(cohort -> cohort.start() + " " + cohort.periods().stream()
                        .map(CohortReport.Period::customers).toList())
                .toList();
    }

    @Test
    void returnsByProductAddUpTheMonthsAndWholeYearsOfAnyRange() {
        warehouse.storeBatch(List.of(
                order("p1", "ana", "2024-11-20T10:00:00Z", "20.00", "GBP", line("mug", "home", 2, "10.00")),
                order("p2", "ana", "2025-02-10T10:00:00Z", "10.00", "GBP", line("mug", "home", 1, "10.00")),
                returned("p3", "ana", "2025-02-20T10:00:00Z", "o-p2", ReturnReasonCode.DAMAGED,
                        line("mug", "home", 1, "10.00")),
                order("p4", "ben", "2025-06-01T10:00:00Z", "80.00", "GBP", line("shirt", "apparel", 4, "20.00")),
                returned("p5", "ben", "2025-06-03T10:00:00Z", "o-p4", ReturnReasonCode.WRONG_SIZE,
                        line("shirt", "apparel", 2, "20.00")),
                order("p6", "ana", "2025-12-05T10:00:00Z", "30.00", "GBP", line("mug", "home", 3, "10.00")),
                order("p7", "ana", "2026-01-15T10:00:00Z", "10.00", "GBP", line("mug", "home", 1, "10.00")),
                returned("p8", "ana", "2026-01-20T10:00:00Z", "o-p7", ReturnReasonCode.DAMAGED,
                        line("mug", "home", 1, "10.00"))));

        // product: units sold / returned and the value returned
        assertThat(productReturns(KpiRange.all())).containsExactly("shirt 4/2 40.00", "mug 7/2 20.00");
        // whole 2025 from the yearly rows, November and December 2024 from the monthly ones
        assertThat(productReturns(range("2024-11-15", "2026-01-01"))).containsExactly("shirt 4/2 40.00",
                "mug 6/1 10.00");
        assertThat(productReturns(range("2025-01-01", "2026-01-01"))).containsExactly("shirt 4/2 40.00",
                "mug 4/1 10.00");
        // December and January, across a new year but without a whole year
        assertThat(productReturns(range("2025-12-10", "2026-01-10"))).containsExactly("mug 4/1 10.00");
        // March to June: the return of 3 June counts, as months are counted whole
        assertThat(productReturns(range("2025-03-01", "2025-06-02"))).containsExactly("shirt 4/2 40.00");
        assertThat(queries.returns("category", Granularity.MONTH, range("2024-12-01", "2026-02-01"), 10).rows())
                .extracting(ReturnsReport.Row::key, ReturnsReport.Row::itemsSold)
                .containsExactly(tuple("apparel", 4L), tuple("home", 5L));
        // all time from the all-time rows, as a range over every year adds up
        assertThat(productReturns(range("2000-01-01", "2100-01-01"))).isEqualTo(productReturns(KpiRange.all()));
    }

    @Test
    void repeatPurchaseOfAllTimeAddsUpAsARangeOverEveryYearDoes() {
        warehouse.storeBatch(mixedHistory());
        warehouse.storeBatch(List.of(
                order("rosa-1", "rosa", "2025-05-01T10:00:00Z", "10.00", "GBP"),
                order("rosa-2", "rosa", "2025-05-01T18:00:00Z", "10.00", "GBP"),
                order("sam-2", "sam", "2025-06-20T10:00:00Z", "10.00", "GBP"),
                order("sam-3", "sam", "2025-08-01T10:00:00Z", "10.00", "GBP")));
        // a late first order moves sam's gap from 42 days (20 June - 1 August) to 50 (1 May - 20 June)
        warehouse.storeBatch(List.of(order("sam-1", "sam", "2025-05-01T10:00:00Z", "10.00", "GBP")));

        RepeatPurchaseReport all = queries.repeatPurchase(KpiRange.all());
        RepeatPurchaseReport everyYear = queries.repeatPurchase(range("2000-01-01", "2100-01-01"));
        assertThat(all.customers()).isEqualTo(everyYear.customers()).isGreaterThan(2);
        assertThat(all.repeatCustomers()).isEqualTo(everyYear.repeatCustomers()).isGreaterThanOrEqualTo(2);
        assertThat(all.repeatRate()).isEqualByComparingTo(everyYear.repeatRate());
        assertThat(all.daysToSecondOrder()).isEqualTo(everyYear.daysToSecondOrder());
        assertThat(store.jdbc().sql("SELECT customers FROM kpi_repeat_gap WHERE gap IN (0, 50) ORDER BY gap")
                .query(Long.class).list()).containsExactly(1L, 1L);
        assertThat(store.jdbc().sql("SELECT customers FROM kpi_repeat_gap WHERE gap = 42").query(Long.class).list())
                .containsExactly(0L);
    }

    private List<String> productReturns(KpiRange range) {
        return queries.returns("product", Granularity.MONTH, range, 10).rows().stream()
                .map(row -> row.key() + " " + row.itemsSold() + "/" + row.itemsReturned() + " "
                        + row.itemsReturnedValue())
                .toList();
    }

    private static KpiRange range(String from, String to) {
        return new KpiRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void reportsReturnsNpsSupportAndNewVersusReturningInTheReportingZone() {
        warehouse.storeBatch(mixedHistory());

        OrdersReport daily = queries.orders(Granularity.DAY, KpiRange.all());
        // 2025-03-31T23:30Z is already 1 April in London (summer time)
        assertThat(daily.periods()).extracting(OrdersReport.Period::start).containsExactly(
                LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-11"), LocalDate.parse("2025-03-14"),
                LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-02"));
        OrdersReport.Period april = queries.orders(Granularity.MONTH, KpiRange.all()).periods().get(1);
        assertThat(april.orders()).isEqualTo(2);
        assertThat(april.newCustomers()).isEqualTo(1);
        assertThat(april.returningCustomers()).isEqualTo(1);
        assertThat(april.grossRevenue()).isEqualByComparingTo("70.00");
        assertThat(april.refunded()).isEqualByComparingTo("20.00");
        // m4: 40 - 20 returned and refunded (once); m5: 30 - 15 cancelled
        assertThat(april.netRevenue()).isEqualByComparingTo("35.00");
        assertThat(april.averageOrderValue()).isEqualByComparingTo("17.50");
        assertThat(april.cancellations()).isEqualTo(1);
        OrdersReport.Period march = queries.orders(Granularity.MONTH, KpiRange.all()).periods().get(0);
        // the April return of March's m2 counts against March, the month of the order
        assertThat(march.netRevenue()).isEqualByComparingTo("60.00");
        assertThat(march.averageOrderValue()).isEqualByComparingTo("20.00");

        ReturnsReport byProduct = queries.returns("product", Granularity.MONTH, KpiRange.all(), 10);
        assertThat(byProduct.rows()).extracting(ReturnsReport.Row::key).containsExactly("shirt", "mug");
        assertThat(byProduct.rows().get(0).unitReturnRate()).isEqualByComparingTo("0.5");
        assertThat(byProduct.rows().get(0).valueReturnRate()).isEqualByComparingTo("0.5");
        assertThat(byProduct.total().unitReturnRate()).isEqualByComparingTo("0.2222"); // 2 of 9 units
        assertThat(byProduct.topReasons()).extracting(ReturnsReport.Reason::reasonCode)
                .containsExactly("wrong_size", "damaged");
        assertThat(queries.returns("category", Granularity.MONTH, KpiRange.all(), 10).rows())
                .extracting(ReturnsReport.Row::key).containsExactly("apparel", "home");
        assertThat(queries.returns("period", Granularity.MONTH, KpiRange.all(), 10).rows())
                .extracting(ReturnsReport.Row::itemsReturned).containsExactly(0L, 2L);

        NpsReport nps = queries.nps(Granularity.MONTH, KpiRange.all());
        assertThat(nps.total().nps()).isEqualByComparingTo("25.0"); // 2 promoters, 1 passive, 1 detractor
        assertThat(nps.periods()).hasSize(2);

        SupportReport support = queries.support(Granularity.MONTH, KpiRange.all());
        assertThat(support.opened()).isEqualTo(2);
        assertThat(support.resolved()).isEqualTo(2);
        assertThat(support.timeToResolution().tickets()).isEqualTo(2);
        assertThat(support.timeToResolution().medianHours()).isEqualTo(5.0); // 2 h and 8 h
        assertThat(queries.support(Granularity.MONTH, new KpiRange(LocalDate.parse("2025-04-01"), null))
                .timeToResolution().tickets()).isEqualTo(1);
    }

    /** March: three orders by two new customers; April: a new and a returning customer, returns, refunds. */
    private static List<CanonicalEvent> mixedHistory() {
        return List.of(
                order("m1", "anna", "2025-03-10T09:00:00Z", "30.00", "GBP", line("shirt", "apparel", 1, "20.00"),
                        line("mug", "home", 1, "10.00")),
                order("m2", "ben", "2025-03-11T09:00:00Z", "20.00", "GBP", line("shirt", "apparel", 1, "20.00")),
                order("m3", "anna", "2025-03-14T09:00:00Z", "30.00", "GBP", line("mug", "home", 3, "10.00")),
                order("m4", "cleo", "2025-03-31T23:30:00Z", "40.00", "GBP", line("shirt", "apparel", 2, "20.00")),
                order("m5", "ben", "2025-04-02T09:00:00Z", "30.00", "GBP", line("mug", "home", 1, "30.00")),
                returned("r1", "cleo", "2025-04-02T10:00:00Z", "o-m4", ReturnReasonCode.WRONG_SIZE,
                        line("shirt", "apparel", 1, "20.00")),
                returned("r2", "ben", "2025-04-02T11:00:00Z", "o-m2", ReturnReasonCode.WRONG_SIZE,
                        line("shirt", "apparel", 1, "20.00")),
                returned("r3", "ben", "2025-04-02T12:00:00Z", "o-m5", ReturnReasonCode.DAMAGED),
                refunded("f1", "cleo", "2025-04-02T13:00:00Z", "o-m4", "20.00", "GBP"),
                cancelled("c1", "ben", "2025-04-02T14:00:00Z", "o-m5", "15.00"),
                nps("n1", "anna", "2025-03-20T09:00:00Z", 10),
                nps("n2", "ben", "2025-03-20T09:00:00Z", 9),
                nps("n3", "cleo", "2025-04-03T09:00:00Z", 7),
                nps("n4", "dora", "2025-04-03T09:00:00Z", 3),
                ticketOpened("t1o", "anna", "2025-03-20T09:00:00Z", "t1"),
                ticketResolved("t1r", "anna", "2025-03-20T11:00:00Z", "t1"),
                ticketResolved("t2r", "ben", "2025-04-05T17:00:00Z", "t2"),
                ticketOpened("t2o", "ben", "2025-04-05T09:00:00Z", "t2"));
    }

    private Map<LocalDate, Long> cohortSizes(Granularity granularity) {
        Map<LocalDate, Long> sizes = new java.util.LinkedHashMap<>();
        queries.cohorts(granularity, "customers", KpiRange.all()).cohorts()
                .forEach(cohort -> sizes.put(cohort.start(), cohort.customers()));
        return sizes;
    }

    /** Every KPI report over all time. */
    private record Snapshot(CohortReport months, CohortReport weeks, ClvReport clv, RepeatPurchaseReport repeat,
            OrdersReport orders, OrdersReport days, NpsReport nps, ReturnsReport returns, ReturnsReport categories,
            SupportReport support) {
    }

    private Snapshot snapshot() {
        KpiRange all = KpiRange.all();
        return new Snapshot(queries.cohorts(Granularity.MONTH, "revenue", all),
                queries.cohorts(Granularity.WEEK, "customers", all), queries.clv(Granularity.WEEK, all),
                queries.repeatPurchase(all), queries.orders(Granularity.MONTH, all),
                queries.orders(Granularity.DAY, all), queries.nps(Granularity.WEEK, all),
                queries.returns("product", Granularity.MONTH, all, 100),
                queries.returns("category", Granularity.MONTH, all, 100), queries.support(Granularity.DAY, all));
    }

    /**
     * Every row of every rollup table, in key order, amounts compared by value. A row whose sums are all zero (left
     * where a customer's contribution moved away) counts as no row.
     */
    private List<List<Object>> tables() {
        List<List<Object>> rows = new ArrayList<>();
        for (RollupTable table : RollupTables.ALL) {
            String keys = String.join(", ", table.columnNames().subList(0, table.keySize()));
            store.jdbc().sql("SELECT * FROM " + table.name() + " ORDER BY " + keys).query(row -> {
                List<Object> values = new ArrayList<>(List.of(table.name()));
                boolean allSumsZero = true;
                for (RollupColumn column : table.columns()) {
                    Object value = row.getObject(column.name());
                    values.add(value instanceof BigDecimal amount ? amount.stripTrailingZeros()
                            : String.valueOf(value));
                    if (column.merge() != RollupColumn.Merge.KEY && column.merge() != RollupColumn.Merge.DERIVED) {
                        allSumsZero &= column.merge() == RollupColumn.Merge.SUM && value instanceof Number number
                                && new BigDecimal(number.toString()).signum() == 0;
                    }
                }
                if (!allSumsZero) {
                    rows.add(values);
                }
            });
        }
        return rows;
    }
}
