package io.aftercart.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ProductReturned;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
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
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
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
 */
class OnlineRetailKpiIT {

    private static final Path DATA = Path.of(System.getProperty("aftercart.test.online-retail",
            "../../../shared/data/online_retail/online_retail_until_2011-09.csv.gz"));

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApp {
    }

    /** One CSV row with the fields the test reads. */
    record Row(String invoice, String stockCode, long quantity, LocalDateTime date, BigDecimal price, String customer) {

        boolean isReturn() {
            return invoice.startsWith("C");
        }

        boolean isPurchase() {
            return Character.isDigit(invoice.charAt(0));
        }

        BigDecimal value() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void kpisAgreeWithAnIndependentComputationOverTheRawRows() throws Exception {
        assertThat(DATA).as("the Online Retail data (set -Daftercart.test.online-retail to its path)").exists();
        List<Row> rows = readRows();
        List<Row> withCustomer = rows.stream().filter(r -> r.customer() != null).toList();
        List<CanonicalEvent> events = toEvents(withCustomer);

        try (ConfigurableApplicationContext app = start()) {
            long started = System.nanoTime();
            produce(events);
            EventWarehouse warehouse = app.getBean(EventWarehouse.class);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> warehouse.count() == events.size());
            System.out.printf("OnlineRetailKpiIT: %d rows (%d with a customer) -> %d events consumed in %d ms%n",
                    rows.size(), withCustomer.size(), events.size(), (System.nanoTime() - started) / 1_000_000);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            assertCohorts(port, withCustomer);
            assertRepeatPurchase(port, withCustomer);
            assertMonthlyOrders(port, withCustomer);
            assertReturnRates(port, withCustomer);
            assertRebuildGivesTheSameKpis(port, events.size());
            assertBadParametersAreProblems(port);
        }
    }

    private void assertRebuildGivesTheSameKpis(int port, int events) throws Exception {
        List<String> paths = List.of("/api/v1/kpis/cohorts?granularity=week&metric=revenue", "/api/v1/kpis/clv",
                "/api/v1/kpis/repeat-purchase?from=2011-01-01&to=2011-07-01", "/api/v1/kpis/orders?granularity=day",
                "/api/v1/kpis/returns?by=product&limit=1000");
        List<JsonNode> incremental = new ArrayList<>();
        for (String path : paths) {
            incremental.add(get(port, path));
        }
        HttpResponse<String> rebuild = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/admin/kpis/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(rebuild.body()).get("replayedEvents").asLong()).isEqualTo(events);
        System.out.println("OnlineRetailKpiIT: rebuild " + rebuild.body());
        for (int i = 0; i < paths.size(); i++) {
            assertThat(get(port, paths.get(i))).as(paths.get(i)).isEqualTo(incremental.get(i));
        }
    }

    private void assertBadParametersAreProblems(int port) throws Exception {
        for (String query : List.of("cohorts?from=2011-13-01", "orders?to=yesterday", "orders?granularity=year",
                "cohorts?granularity=day", "returns?by=colour", "nps?from=2011-02-01&to=2011-01-01")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/kpis/" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(EventJson.mapper().readTree(response.body()).get("path").asString()).isNotBlank();
        }
    }

    private void assertCohorts(int port, List<Row> rows) throws Exception {
        Map<String, TreeSet<YearMonth>> monthsByCustomer = new HashMap<>();
        rows.stream().filter(Row::isPurchase).forEach(r ->
                monthsByCustomer.computeIfAbsent(r.customer(), c -> new TreeSet<>()).add(YearMonth.from(r.date())));
        YearMonth last = monthsByCustomer.values().stream().map(TreeSet::last).max(YearMonth::compareTo).orElseThrow();
        Map<YearMonth, long[]> expected = new TreeMap<>();
        monthsByCustomer.values().forEach(months -> {
            YearMonth cohort = months.first();
            long[] counts = expected.computeIfAbsent(cohort, c -> new long[(int) c.until(last,
                    java.time.temporal.ChronoUnit.MONTHS) + 1]);
            months.forEach(month -> counts[(int) cohort.until(month, java.time.temporal.ChronoUnit.MONTHS)]++);
        });

        JsonNode report = get(port, "/api/v1/kpis/cohorts?granularity=month&metric=customers");
        Map<YearMonth, long[]> actual = new TreeMap<>();
        for (JsonNode cohort : report.get("cohorts")) {
            long[] counts = new long[cohort.get("periods").size()];
            for (JsonNode period : cohort.get("periods")) {
                counts[period.get("period").asInt()] = period.get("customers").asLong();
            }
            actual.put(YearMonth.parse(cohort.get("start").asString().substring(0, 7)), counts);
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((cohort, counts) -> assertThat(actual.get(cohort)).as("cohort " + cohort).containsExactly(counts));
        JsonNode first = report.get("cohorts").get(0);
        System.out.printf("OnlineRetailKpiIT: cohort %s: %d customers, retention by month %s%n",
                first.get("start").asString(), first.get("customers").asLong(),
                first.get("periods").valueStream().map(p -> p.get("retention").asString()).toList());
        System.out.printf("OnlineRetailKpiIT: cohort %s: %d customers, retention by month %s%n",
                report.get("cohorts").get(1).get("start").asString(), report.get("cohorts").get(1).get("customers").asLong(),
                report.get("cohorts").get(1).get("periods").valueStream().map(p -> p.get("retention").asString()).toList());
    }

    private void assertRepeatPurchase(int port, List<Row> rows) throws Exception {
        Map<String, Set<String>> invoicesByCustomer = rows.stream().filter(Row::isPurchase).collect(
                Collectors.groupingBy(Row::customer, Collectors.mapping(Row::invoice, Collectors.toSet())));
        long customers = invoicesByCustomer.size();
        long repeaters = invoicesByCustomer.values().stream().filter(invoices -> invoices.size() >= 2).count();

        JsonNode report = get(port, "/api/v1/kpis/repeat-purchase");
        assertThat(report.get("customers").asLong()).isEqualTo(customers);
        assertThat(report.get("repeatCustomers").asLong()).isEqualTo(repeaters);
        assertThat(report.get("repeatRate").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(repeaters).divide(BigDecimal.valueOf(customers), 4, RoundingMode.HALF_UP));
        System.out.printf("OnlineRetailKpiIT: repeat purchase %d of %d customers = %s; days to second order %s%n",
                repeaters, customers, report.get("repeatRate").asString(), report.get("daysToSecondOrder"));
    }

    private void assertMonthlyOrders(int port, List<Row> rows) throws Exception {
        Map<YearMonth, BigDecimal> revenue = new TreeMap<>();
        Map<YearMonth, Set<String>> invoices = new TreeMap<>();
        rows.stream().filter(Row::isPurchase).forEach(r -> {
            YearMonth month = YearMonth.from(r.date());
            revenue.merge(month, r.value(), BigDecimal::add);
            invoices.computeIfAbsent(month, m -> new HashSet<>()).add(r.invoice());
        });

        JsonNode periods = get(port, "/api/v1/kpis/orders?granularity=month").get("periods");
        List<String> printed = new ArrayList<>();
        Map<YearMonth, JsonNode> byMonth = new LinkedHashMap<>();
        periods.forEach(p -> byMonth.put(YearMonth.parse(p.get("start").asString().substring(0, 7)), p));
        assertThat(byMonth.keySet()).containsExactlyElementsOf(revenue.keySet());
        revenue.forEach((month, total) -> {
            JsonNode period = byMonth.get(month);
            long orders = invoices.get(month).size();
            BigDecimal aov = total.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
            assertThat(period.get("orders").asLong()).as(month + " orders").isEqualTo(orders);
            assertThat(period.get("grossRevenue").decimalValue()).as(month + " revenue")
                    .isEqualByComparingTo(total.setScale(2, RoundingMode.HALF_UP));
            assertThat(period.get("averageOrderValue").decimalValue()).as(month + " AOV").isEqualByComparingTo(aov);
            printed.add(month + "=" + aov);
        });
        System.out.println("OnlineRetailKpiIT: AOV per month " + printed);
    }

    private void assertReturnRates(int port, List<Row> rows) throws Exception {
        long sold = rows.stream().filter(Row::isPurchase).mapToLong(Row::quantity).sum();
        long returned = rows.stream().filter(Row::isReturn).mapToLong(r -> -r.quantity()).sum();
        BigDecimal soldValue = sum(rows, Row::isPurchase);
        BigDecimal returnedValue = sum(rows, Row::isReturn).negate();

        JsonNode total = get(port, "/api/v1/kpis/returns?by=period&granularity=month").get("total");
        assertThat(total.get("itemsSold").asLong()).isEqualTo(sold);
        assertThat(total.get("itemsReturned").asLong()).isEqualTo(returned);
        assertThat(total.get("itemsSoldValue").decimalValue()).isEqualByComparingTo(soldValue.setScale(2, RoundingMode.HALF_UP));
        assertThat(total.get("itemsReturnedValue").decimalValue())
                .isEqualByComparingTo(returnedValue.setScale(2, RoundingMode.HALF_UP));
        assertThat(total.get("unitReturnRate").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(returned).divide(BigDecimal.valueOf(sold), 4, RoundingMode.HALF_UP));
        assertThat(total.get("valueReturnRate").decimalValue())
                .isEqualByComparingTo(returnedValue.divide(soldValue, 4, RoundingMode.HALF_UP));
        System.out.printf("OnlineRetailKpiIT: returns %d of %d units (%s), %s of %s GBP (%s)%n", returned, sold,
                total.get("unitReturnRate").asString(), returnedValue, soldValue, total.get("valueReturnRate").asString());
    }

    private static BigDecimal sum(List<Row> rows, Predicate<Row> filter) {
        return rows.stream().filter(filter).map(Row::value).reduce(BigDecimal.ZERO, BigDecimal::add);
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
                BigDecimal total = lines.stream().map(Row::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                properties = new OrderCompleted(invoice, total, null, null, null, null, null, null, "GBP",
                        lines.stream().map(r -> product(r, r.quantity())).toList());
            } else if (first.isReturn()) {
                type = "Product Returned";
                properties = new ProductReturned(invoice, invoice, lines.stream().map(r -> product(r, -r.quantity()))
                        .toList(), null, "GBP", null, null);
            } else {
                return; // an adjustment
            }
            var time = first.date().toInstant(ZoneOffset.UTC);
            events.add(new CanonicalEvent("online-retail-" + invoice, type, null, "online-retail", time, time,
                    first.customer(), null, EventJson.toProperties(properties), null));
        });
        return events;
    }

    private static Product product(Row row, long quantity) {
        return new Product(row.stockCode(), null, null, null, null, null, row.price(), Math.toIntExact(quantity), null,
                null);
    }

    private static List<Row> readRows() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(DATA)), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            List<Row> rows = new ArrayList<>(371_000);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> f = fields(line);
                rows.add(new Row(f.get(0), f.get(1), Long.parseLong(f.get(3)),
                        LocalDateTime.parse(f.get(4).replace(' ', 'T')), new BigDecimal(f.get(5)),
                        f.get(6).isEmpty() ? null : f.get(6)));
            }
            return rows;
        }
    }

    /** RFC 4180 fields of one line (no field of this file spans lines). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private void produce(List<CanonicalEvent> events) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                "acks", "all", "enable.idempotence", true, "linger.ms", 20, "batch.size", 1 << 20,
                "compression.type", "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (CanonicalEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS.topicName(), event.partitionKey(), EventJson.write(event)));
            }
            producer.flush();
        }
    }

    private JsonNode get(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestApp.class).run(
                "--server.port=0",
                "--aftercart.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aftercart.data-dir=" + dir.resolve("data"),
                "--aftercart.services=analytics",
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }
}
