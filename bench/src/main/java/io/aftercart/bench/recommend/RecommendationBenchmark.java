package io.aftercart.bench.recommend;

import static io.aftercart.bench.ResultTable.decimal;

import io.aftercart.bench.AdminCredentials;
import io.aftercart.bench.Options;
import io.aftercart.bench.ProcessStats;
import io.aftercart.bench.ResultTable;
import io.aftercart.bench.recommend.OnlineRetailInvoices.Invoice;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.intelligence.recommend.Recommender;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recommendation latency with all of UCI Online Retail until 2011-09 loaded: the in-process call and the HTTP
 * endpoint (p50/p99, target p99 at most 20 ms), against a same-run baseline that recomputes co-occurrence from the
 * raw histories on each request; and the time to absorb one new order. Prints figures, asserts nothing. Run from the
 * repository root (about a minute):
 * <pre>./mvnw -q -B -pl bench compile exec:java -Dexec.mainClass=io.aftercart.bench.recommend.RecommendationBenchmark
 *     [-Dexec.args="--requests=4000 --data=../shared/data"]</pre>
 * The HTTP phase runs the intelligence service in this JVM on an embedded broker, with the model loaded directly.
 */
public final class RecommendationBenchmark {

    private static final int BASELINE_REQUESTS = 200;
    private static final int NEW_ORDERS = 2000;
    private static final double TARGET_P99_MILLIS = 20;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BenchApp {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Map.of("requests", "4000", "data", ""));
        int requests = options.integer("requests");
        System.out.printf("Recommendation benchmark: %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(), ProcessStats.loadAverage());
        List<Invoice> invoices = OnlineRetailInvoices.read(options.dataDir().resolve(OnlineRetailInvoices.FILE));
        List<CanonicalEvent> events = invoices.stream().map(Invoice::event).toList();
        Recommender recommender = new Recommender();
        long start = System.nanoTime();
        recommender.absorb(events);
        System.out.printf("Loaded %,d invoices: %s in %.2f s%n", invoices.size(), recommender.size(),
                (System.nanoTime() - start) / 1e9);

        ResultTable table = new ResultTable();
        List<String> customers = customers(invoices, 1);
        NaiveRecommender naive = new NaiveRecommender(invoices);
        timed("warm-up", requests, i -> recommender.forCustomer(customers.get(i % customers.size()), 10, false));
        double[] model = timed("in-process Recommender.forCustomer", requests,
                i -> recommender.forCustomer(customers.get(i % customers.size()), 10, false));
        double[] baseline = timed("baseline: recompute on request", BASELINE_REQUESTS,
                i -> naive.recommend(customers.get(i % customers.size()), 10));
        double[] related = timed("in-process Recommender.related", requests,
                i -> recommender.related(invoices.get(i % invoices.size()).productIds().get(0), 10));
        List<CanonicalEvent> newOrders = newOrders(invoices, customers);
        double[] absorb = timed("absorb one new order", NEW_ORDERS, i -> recommender.absorb(List.of(newOrders.get(i))));
        double[] http = http(events, customers, requests);

        table.add("in-process forCustomer p50 / p99 ms", decimal(model[0]) + " / " + decimal(model[1]));
        table.add("baseline (recompute on request) p50 / p99 ms", decimal(baseline[0]) + " / " + decimal(baseline[1]));
        table.add("ratio baseline / model, p50 and p99", String.format(Locale.ROOT, "%.0f / %.0f",
                baseline[0] / model[0], baseline[1] / model[1]));
        table.add("in-process related p50 / p99 ms", decimal(related[0]) + " / " + decimal(related[1]));
        table.add("HTTP GET /api/v1/customers/{id}/recommendations p50 ms", decimal(http[0]));
        table.add("HTTP GET /api/v1/customers/{id}/recommendations p99 ms", decimal(http[1]), "≤ 20",
                http[1] <= TARGET_P99_MILLIS);
        table.add("absorb one new order (" + newOrders.get(0).properties().get("products").size()
                + " lines) p50 / p99 ms", decimal(absorb[0]) + " / " + decimal(absorb[1]));
        System.out.println(table.render());
    }

    private static double[] http(List<CanonicalEvent> events, List<String> customers, int requests) throws Exception {
        Path dir = Files.createTempDirectory("recommendation-benchmark");
        AdminCredentials admin = AdminCredentials.random();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--aftercart.data-dir=" + dir.resolve("data"), "--aftercart.services=intelligence",
                "--logging.level.root=WARN", "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
        arguments.addAll(admin.appArguments());
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start()) {
            arguments.add("--aftercart.kafka.bootstrap-servers=" + broker.bootstrapServers());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BenchApp.class)
                    .run(arguments.toArray(String[]::new))) {
                // loaded straight into the service's model: this measures the API, not the consumer
                app.getBean(Recommender.class).absorb(events);
                String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                HttpClient client = HttpClient.newHttpClient();
                Consumer<Integer> get = i -> {
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/customers/" + customers.get(i % customers.size())
                                + "/recommendations?limit=10")).header("Authorization", admin.authorization()).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                };
                timed("warm-up HTTP", requests, get::accept);
                return timed("HTTP GET /api/v1/customers/{id}/recommendations", requests, get::accept);
            }
        }
    }

    /** Times each call; prints and returns p50 and p99 in milliseconds. */
    private static double[] timed(String name, int calls, Consumer<Integer> call) {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = nanos[calls / 2] / 1e6;
        double p99 = nanos[(int) (calls * 0.99)] / 1e6;
        System.out.printf("%-55s n=%5d  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", name, calls, p50, p99,
                nanos[calls - 1] / 1e6);
        return new double[] {p50, p99};
    }

    /** Customers with at least one purchase, in a fixed shuffled order. */
    private static List<String> customers(List<Invoice> invoices, long seed) {
        List<String> customers = new ArrayList<>(new TreeSet<>(invoices.stream()
                .filter(i -> !i.cancellation()).map(Invoice::customerId).toList()));
        Collections.shuffle(customers, new Random(seed));
        return customers;
    }

    /** Orders of 20 known products by existing customers, after the data's end. */
    private static List<CanonicalEvent> newOrders(List<Invoice> invoices, List<String> customers) {
        List<String> products = invoices.stream().flatMap(i -> i.productIds().stream()).distinct().sorted().toList();
        Random random = new Random(3);
        Instant time = Instant.parse("2011-10-01T09:00:00Z");
        List<CanonicalEvent> orders = new ArrayList<>(NEW_ORDERS);
        for (int n = 0; n < NEW_ORDERS; n++) {
            ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", "bench-" + n);
            ArrayNode lines = properties.putArray("products");
            for (int line = 0; line < 20; line++) {
                lines.addObject().put("product_id", products.get(random.nextInt(products.size()))).put("quantity", 1);
            }
            Instant at = time.plusSeconds(60L * n);
            orders.add(new CanonicalEvent("bench-" + n, "Order Completed", null, "bench", at, at,
                    customers.get(n % customers.size()), null, properties, null));
        }
        return orders;
    }

    /**
     * The baseline: item-to-item co-occurrence recomputed from every customer's raw purchase set on each request,
     * scored like the model's "bought with" (cosine, weighted by nothing), returns excluded.
     */
    private static final class NaiveRecommender {

        private final Map<String, Set<String>> bought = new HashMap<>();
        private final Map<String, Set<String>> returned = new HashMap<>();

        NaiveRecommender(List<Invoice> invoices) {
            for (Invoice invoice : invoices) {
                (invoice.cancellation() ? returned : bought).computeIfAbsent(invoice.customerId(),
                        c -> new HashSet<>()).addAll(invoice.productIds());
            }
        }

        List<String> recommend(String customer, int limit) {
            Set<String> mine = kept(customer);
            Map<String, Integer> keptBy = new HashMap<>();
            Map<String, Map<String, Integer>> together = new HashMap<>();
            for (String other : bought.keySet()) {
                Set<String> theirs = kept(other);
                theirs.forEach(p -> keptBy.merge(p, 1, Integer::sum));
                for (String shared : theirs) {
                    if (mine.contains(shared)) {
                        Map<String, Integer> row = together.computeIfAbsent(shared, s -> new HashMap<>());
                        theirs.forEach(p -> row.merge(p, 1, Integer::sum));
                    }
                }
            }
            Map<String, Double> score = new HashMap<>();
            together.forEach((from, row) -> row.forEach((to, count) -> {
                if (!to.equals(from)) {
                    score.merge(to, count / Math.sqrt((double) keptBy.get(from) * keptBy.get(to)), Double::sum);
                }
            }));
            Set<String> excluded = returned.getOrDefault(customer, Set.of());
            return score.entrySet().stream().filter(e -> !excluded.contains(e.getKey()))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(Map.Entry::getKey).toList();
        }

        private Set<String> kept(String customer) {
            Set<String> kept = new HashSet<>(bought.getOrDefault(customer, Set.of()));
            kept.removeAll(returned.getOrDefault(customer, Set.of()));
            return kept;
        }
    }
}
