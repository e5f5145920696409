package io.aftercart.intelligence.recommend;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.intelligence.recommend.OnlineRetailOrders.Invoice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Offline evaluation on UCI Online Retail: the service's {@link Recommender} learns every invoice (purchases and
 * {@code C} cancellations as returns) before 2011-09-01 and recommends 10 products to each customer who bought in
 * training and again in September 2011; the products they bought in September are the truth. Two tasks: all items
 * (re-purchase allowed) and new items only (truth and recommendations without anything the customer bought in
 * training; customers with no new item in September are left out). The baseline, from the same training data, is the
 * products most customers bought (for new items: the most popular ones the customer has not bought).
 *
 * <p>Run: {@code java -cp <test classpath> io.aftercart.intelligence.recommend.RecommendationEvaluation}
 * {@code -Daftercart.reference-data=<shared/data folder>}.
 */
public final class RecommendationEvaluation {

    static final int K = 10;
    static final Instant TEST_START = LocalDate.of(2011, 9, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    static final Instant TEST_END = LocalDate.of(2011, 10, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** Mean precision, recall and NDCG at 10 over the customers, and the share of the catalogue recommended. */
    public record Score(String task, String method, int customers, double precision, double recall, double ndcg,
            double coverage) {

        @Override
        public String toString() {
            return String.format("%-10s %-11s %9d %9.4f %9.4f %9.4f %9.4f", task, method, customers, precision, recall,
                    ndcg, coverage);
        }
    }

    public record Result(Score modelAll, Score popularAll, Score modelNew, Score popularNew, long trainingLines) {

        public String table() {
            String header = String.format("%-10s %-11s %9s %9s %9s %9s %9s", "task", "method", "customers",
                    "P@10", "R@10", "NDCG@10", "coverage");
            return String.join("\n", header, modelAll.toString(), popularAll.toString(),
                    String.format("%-22s precision ratio model/popularity = %.2f", "all items",
                            modelAll.precision() / popularAll.precision()),
                    modelNew.toString(), popularNew.toString(),
                    String.format("%-22s precision ratio model/popularity = %.2f", "new items",
                            modelNew.precision() / popularNew.precision()));
        }
    }

    public static Result evaluate(List<Invoice> invoices) {
        Recommender recommender = new Recommender();
        List<CanonicalEvent> training = new ArrayList<>();
        Map<String, Set<String>> boughtInTraining = new HashMap<>();
        Map<String, Set<String>> buyers = new HashMap<>();
        Map<String, Set<String>> truth = new TreeMap<>();
        for (Invoice invoice : invoices) {
            if (invoice.time().isBefore(TEST_START)) {
                training.add(invoice.event());
                if (!invoice.cancellation()) {
                    boughtInTraining.computeIfAbsent(invoice.customerId(), c -> new HashSet<>())
                            .addAll(invoice.productIds());
                    invoice.productIds().forEach(p -> buyers.computeIfAbsent(p, x -> new HashSet<>())
                            .add(invoice.customerId()));
                }
            } else if (invoice.time().isBefore(TEST_END) && !invoice.cancellation()) {
                truth.computeIfAbsent(invoice.customerId(), c -> new HashSet<>()).addAll(invoice.productIds());
            }
        }
        recommender.absorb(training);
        truth.keySet().retainAll(boughtInTraining.keySet());
        List<String> popular = buyers.keySet().stream()
                .sorted(Comparator.comparingInt((String p) -> -buyers.get(p).size()).thenComparing(p -> p))
                .toList();
        int catalogue = buyers.size();

        Function<String, List<String>> modelAll = c -> ids(recommender.forCustomer(c, K, false));
        Function<String, List<String>> modelNew = c -> ids(recommender.forCustomer(c, K, true));
        Function<String, List<String>> popularAll = c -> popular.subList(0, K);
        Function<String, List<String>> popularNew = c -> popular.stream()
                .filter(p -> !boughtInTraining.get(c).contains(p)).limit(K).toList();
        Map<String, Set<String>> newTruth = new TreeMap<>();
        truth.forEach((c, items) -> {
            Set<String> fresh = new HashSet<>(items);
            fresh.removeAll(boughtInTraining.get(c));
            if (!fresh.isEmpty()) {
                newTruth.put(c, fresh);
            }
        });
        return new Result(score("all items", "model", truth, modelAll, catalogue),
                score("all items", "popularity", truth, popularAll, catalogue),
                score("new items", "model", newTruth, modelNew, catalogue),
                score("new items", "popularity", newTruth, popularNew, catalogue),
                recommender.size().orderLines());
    }

    private static List<String> ids(CustomerRecommendations recommendations) {
        return recommendations.items().stream().map(Recommendation::productId).toList();
    }

    private static Score score(String task, String method, Map<String, Set<String>> truth,
            Function<String, List<String>> recommend, int catalogue) {
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        Set<String> recommended = new HashSet<>();
        for (Map.Entry<String, Set<String>> customer : truth.entrySet()) {
            List<String> items = recommend.apply(customer.getKey());
            recommended.addAll(items);
            Set<String> relevant = customer.getValue();
            int hits = 0;
            double dcg = 0;
            for (int rank = 0; rank < Math.min(K, items.size()); rank++) {
                if (relevant.contains(items.get(rank))) {
                    hits++;
                    dcg += 1 / log2(rank + 2);
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(K, relevant.size()); rank++) {
                ideal += 1 / log2(rank + 2);
            }
            precision += hits / (double) K;
            recall += hits / (double) relevant.size();
            ndcg += dcg / ideal;
        }
        int n = truth.size();
        return new Score(task, method, n, precision / n, recall / n, ndcg / n,
                recommended.size() / (double) catalogue);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        List<Invoice> invoices = OnlineRetailOrders.read();
        Result result = evaluate(invoices);
        System.out.printf("UCI Online Retail: trained on %,d order lines before %s, tested on September 2011"
                + " (%.1f s)%n", result.trainingLines(), TEST_START, (System.nanoTime() - start) / 1e9);
        System.out.println(result.table());
    }
}
