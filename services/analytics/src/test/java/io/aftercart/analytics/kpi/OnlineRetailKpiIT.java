package io.aftercart.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ProductReturned;
import io.aftercart.platform.testing.ApiClient;
import io.aftercart.platform.testing.OnlineRetailCsv;
import io.aftercart.platform.testing.OnlineRetailCsv.Row;
import io.aftercart.platform.testing.ServiceTestRig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * KPIs on real data: the UCI Online Retail transactions up to 2011-09 go as canonical events through
 * {@code aftercart.events} on a real embedded broker into the analytics service (DuckDB), and the KPI API must agree
 * exactly with figures computed here, independently, from the raw CSV rows.
 * <p>
 * Mapping (one event per invoice, rows without a CustomerID skipped): a plain invoice is an {@code Order Completed}
 * (a line per row: StockCode, Quantity, UnitPrice; total = &Sigma; Quantity &times; UnitPrice; GBP), a {@code C}
 * invoice a {@code Product Returned} (the same lines with the negative Quantity turned positive). Every row counts as
 * it is, including zero prices and non-product codes such as POST or D; {@code A} (bad-debt adjustment) invoices
 * are skipped (none has a CustomerID). InvoiceDate is taken as UTC, the reporting zone.
 * <p>
 * Net revenue and the average order value follow the platform's per-order definition (OrderMoney): a {@code C}
 * invoice names no original invoice, so its return is an order of its own with only money back, counted in the
 * month of the {@code C} invoice. Net revenue of a month = the value of its invoices &minus; the value of its
 * {@code C} invoices, and AOV = that / its invoices (none is cancelled in full).
 */
class OnlineRetailKpiIT {

    @TempDir
    static Path dir;

    private static ServiceTestRig rig;

    @BeforeAll
    static void startBroker() {
        rig = ServiceTestRig.start(dir);
    }

    @AfterAll
    static void stopBroker() {
        rig.close();
    }

    @Test
    void kpisAgreeWithAnIndependentComputationOverTheRawRows() throws Exception {
        List<Row> rows = OnlineRetailCsv.read();
        List<Row> withCustomer = rows.stream().filter(r -> r.customerId() != null).toList();
        List<CanonicalEvent> events = toEvents(withCustomer);

        try (ConfigurableApplicationContext app = rig.startService("analytics")) {
            long started = System.nanoTime();
            rig.produceEvents(events);
            EventWarehouse warehouse = app.getBean(EventWarehouse.class);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> warehouse.count() == events.size());
            System.out.printf("OnlineRetailKpiIT: %d rows (%d with a customer) -> %d events consumed in %d ms%n",
                    rows.size(), withCustomer.size(), events.size(), (System.nanoTime() - started) / 1_000_000);
            ApiClient api = ApiClient.of(app);

            assertCohorts(api, withCustomer);
            assertRepeatPurchase(api, withCustomer);
            assertMonthlyOrders(api, withCustomer);
            assertReturnRates(api, withCustomer);
            assertRebuildGivesTheSameKpis(api, events.size());
            assertBadParametersAreProblems(api);
        }
    }

    private void assertRebuildGivesTheSameKpis(ApiClient api, int events) throws Exception {
        List<String> paths = List.of("/api/v1/kpis/cohorts?granularity=week&metric=revenue", "/api/v1/kpis/clv",
                "/api/v1/kpis/repeat-purchase?from=2011-01-01&to=2011-07-01", "/api/v1/kpis/orders?granularity=day",
                "/api/v1/kpis/returns?by=product&limit=1000");
        List<JsonNode> incremental = new ArrayList<>();
        for (String path : paths) {
            incremental.add(api.get(path, 200));
        }
        JsonNode rebuild = api.post("/api/v1/admin/kpis/rebuild", null, 200);
        assertThat(rebuild.get("replayedEvents").asLong()).isEqualTo(events);
        System.out.println("OnlineRetailKpiIT: rebuild " + rebuild);
        for (int i = 0; i < paths.size(); i++) {
            assertThat(api.get(paths.get(i), 200)).as(paths.get(i)).isEqualTo(incremental.get(i));
        }
    }

    private void assertBadParametersAreProblems(ApiClient api) throws Exception {
        for (String query : List.of("cohorts?from=2011-13-01", "orders?to=yesterday", "orders?granularity=year",
                "cohorts?granularity=day", "returns?by=colour", "nps?from=2011-02-01&to=2011-01-01")) {
            assertThat(api.get("/api/v1/kpis/" + query, 400).get("path").asString()).as(query).isNotBlank();
        }
    }

    private void assertCohorts(ApiClient api, List<Row> rows) throws Exception {
        Map<String, TreeSet<YearMonth>> monthsByCustomer = new HashMap<>();
        rows.stream().filter(Row::isPurchase).forEach(r ->
                monthsByCustomer.computeIfAbsent(r.customerId(), c -> new TreeSet<>())
                        .add(YearMonth.from(r.invoiceDate())));
        YearMonth last = monthsByCustomer.values().stream().map(TreeSet::last).max(YearMonth::compareTo).orElseThrow();
        Map<YearMonth, long[]> expected = new TreeMap<>();
        monthsByCustomer.values().forEach(months -> {
            YearMonth cohort = months.first();
            long[] counts = expected.computeIfAbsent(cohort, c -> new long[(int) c.until(last,
                    java.time.temporal.ChronoUnit.MONTHS) + 1]);
            months.forEach(month -> counts[(int) cohort.until(month, java.time.temporal.ChronoUnit.MONTHS)]++);
        });

        JsonNode report = api.get("/api/v1/kpis/cohorts?granularity=month&metric=customers", 200);
        Map<YearMonth, long[]> actual = new TreeMap<>();
        for (JsonNode cohort : report.get("cohorts")) {
            long[] counts = new long[cohort.get("periods").size()];
            for (JsonNode period : cohort.get("periods")) {
                counts[period.get("period").asInt()] = period.get("customers").asLong();
            }
            actual.put(YearMonth.parse(cohort.get("start").asString().substring(0, 7)), counts);
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cohort, counts) ->
                assertThat(actual.get(cohort)).as("cohort " + cohort).containsExactly(counts));
        JsonNode first = report.get("cohorts").get(0);
        System.out.printf("OnlineRetailKpiIT: cohort %s: %d customers, retention by month %s%n",
                first.get("start").asString(), first.get("customers").asLong(),
                first.get("periods").valueStream().map(p -> p.get("retention").asString()).toList());
        System.out.printf("OnlineRetailKpiIT: cohort %s: %d customers, retention by month %s%n",
                report.get("cohorts").get(1).get("start").asString(),
                report.get("cohorts").get(1).get("customers").asLong(),
                report.get("cohorts").get(1).get("periods").valueStream().map(p -> p.get("retention").asString())
                        .toList());
    }

    private void assertRepeatPurchase(ApiClient api, List<Row> rows) throws Exception {
        Map<String, Set<String>> invoicesByCustomer = rows.stream().filter(Row::isPurchase).collect(
                Collectors.groupingBy(Row::customerId, Collectors.mapping(Row::invoice, Collectors.toSet())));
        long customers = invoicesByCustomer.size();
        long repeaters = invoicesByCustomer.values().stream().filter(invoices -> invoices.size() >= 2).count();

        JsonNode report = api.get("/api/v1/kpis/repeat-purchase", 200);
        assertThat(report.get("customers").asLong()).isEqualTo(customers);
        assertThat(report.get("repeatCustomers").asLong()).isEqualTo(repeaters);
        assertThat(report.get("repeatRate").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(repeaters).divide(BigDecimal.valueOf(customers), 4, RoundingMode.HALF_UP));
        System.out.printf("OnlineRetailKpiIT: repeat purchase %d of %d customers = %s; days to second order %s%n",
                repeaters, customers, report.get("repeatRate").asString(), report.get("daysToSecondOrder"));
    }

    private void assertMonthlyOrders(ApiClient api, List<Row> rows) throws Exception {
        Map<YearMonth, BigDecimal> revenue = new TreeMap<>();
        Map<YearMonth, BigDecimal> net = new TreeMap<>();
        Map<YearMonth, Set<String>> invoices = new TreeMap<>();
        rows.stream().filter(Row::isPurchase).forEach(r -> {
            YearMonth month = YearMonth.from(r.invoiceDate());
            revenue.merge(month, value(r), BigDecimal::add);
            net.merge(month, value(r), BigDecimal::add);
            invoices.computeIfAbsent(month, m -> new HashSet<>()).add(r.invoice());
        });
        // a C row's value is negative (negative quantity): adding it takes the returned value off
        rows.stream().filter(Row::isCancellation)
                .forEach(r -> net.merge(YearMonth.from(r.invoiceDate()), value(r), BigDecimal::add));

        JsonNode periods = api.get("/api/v1/kpis/orders?granularity=month", 200).get("periods");
        List<String> printed = new ArrayList<>();
        Map<YearMonth, JsonNode> byMonth = new LinkedHashMap<>();
        periods.forEach(p -> byMonth.put(YearMonth.parse(p.get("start").asString().substring(0, 7)), p));
        assertThat(byMonth.keySet()).containsExactlyElementsOf(revenue.keySet());
        revenue.forEach((month, total) -> {
            JsonNode period = byMonth.get(month);
            long orders = invoices.get(month).size();
            BigDecimal aov = net.get(month).divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
            assertThat(period.get("orders").asLong()).as(month + " orders").isEqualTo(orders);
            assertThat(period.get("grossRevenue").decimalValue()).as(month + " revenue")
                    .isEqualByComparingTo(total.setScale(2, RoundingMode.HALF_UP));
            assertThat(period.get("netRevenue").decimalValue()).as(month + " net revenue")
                    .isEqualByComparingTo(net.get(month).setScale(2, RoundingMode.HALF_UP));
            assertThat(period.get("averageOrderValue").decimalValue()).as(month + " AOV").isEqualByComparingTo(aov);
            printed.add(month + "=" + aov);
        });
        System.out.println("OnlineRetailKpiIT: AOV per month " + printed);
    }

    private void assertReturnRates(ApiClient api, List<Row> rows) throws Exception {
        long sold = rows.stream().filter(Row::isPurchase).mapToLong(Row::quantity).sum();
        long returned = rows.stream().filter(Row::isCancellation).mapToLong(r -> -r.quantity()).sum();
        BigDecimal soldValue = sum(rows, Row::isPurchase);
        BigDecimal returnedValue = sum(rows, Row::isCancellation).negate();

        JsonNode total = api.get("/api/v1/kpis/returns?by=period&granularity=month", 200).get("total");
        assertThat(total.get("itemsSold").asLong()).isEqualTo(sold);
        assertThat(total.get("itemsReturned").asLong()).isEqualTo(returned);
        assertThat(total.get("itemsSoldValue").decimalValue())
                .isEqualByComparingTo(soldValue.setScale(2, RoundingMode.HALF_UP));
        assertThat(total.get("itemsReturnedValue").decimalValue())
                .isEqualByComparingTo(returnedValue.setScale(2, RoundingMode.HALF_UP));
        assertThat(total.get("unitReturnRate").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(returned).divide(BigDecimal.valueOf(sold), 4, RoundingMode.HALF_UP));
        assertThat(total.get("valueReturnRate").decimalValue())
                .isEqualByComparingTo(returnedValue.divide(soldValue, 4, RoundingMode.HALF_UP));
        System.out.printf("OnlineRetailKpiIT: returns %d of %d units (%s), %s of %s GBP (%s)%n", returned, sold,
                total.get("unitReturnRate").asString(), returnedValue, soldValue,
                total.get("valueReturnRate").asString());
    }

    private static BigDecimal value(Row row) {
        return row.unitPrice().multiply(BigDecimal.valueOf(row.quantity()));
    }

    private static BigDecimal sum(List<Row> rows, Predicate<Row> filter) {
        return rows.stream().filter(filter).map(OnlineRetailKpiIT::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<CanonicalEvent> toEvents(List<Row> rows) {
        Map<String, List<Row>> byInvoice = rows.stream()
                .collect(Collectors.groupingBy(Row::invoice, LinkedHashMap::new, Collectors.toList()));
        List<CanonicalEvent> events = new ArrayList<>();
        byInvoice.forEach((invoice, lines) -> {
            Row first = lines.get(0);
            Object properties;
            String type;
            if (first.isPurchase()) {
                type = "Order Completed";
                BigDecimal total = lines.stream().map(OnlineRetailKpiIT::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                properties = new OrderCompleted(invoice, total, null, null, null, null, null, null, "GBP",
                        lines.stream().map(r -> product(r, r.quantity())).toList());
            } else if (first.isCancellation()) {
                type = "Product Returned";
                properties = new ProductReturned(invoice, invoice, lines.stream().map(r -> product(r, -r.quantity()))
                        .toList(), null, "GBP", null, null);
            } else {
                return; // an adjustment
            }
            var time = first.invoiceDate().toInstant(ZoneOffset.UTC);
            events.add(new CanonicalEvent("online-retail-" + invoice, type, null, "online-retail", time, time,
                    first.customerId(), null, EventJson.toProperties(properties), null));
        });
        return events;
    }

    private static Product product(Row row, long quantity) {
        return new Product(row.stockCode(), null, null, null, null, null, row.unitPrice(), Math.toIntExact(quantity),
                null, null);
    }
}
