package io.aftercart.intelligence.churn.internal;

import io.aftercart.intelligence.churn.ChurnModelVersion;
import io.aftercart.intelligence.churn.ChurnModelVersion.FrequencyBucket;
import io.aftercart.intelligence.churn.PurchaseSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits BG/NBD on all customers and Gamma-Gamma on the repeat customers with a positive mean repeat spend, in days,
 * with ages measured to the cut-off day. Below the data thresholds it reports why instead of fitting.
 */
public final class ModelFitter {

    private static final int LAST_BUCKET = 7;

    /**
     * @param minCustomers       fewest customers to fit BG/NBD
     * @param minRepeatCustomers fewest repeat customers to fit BG/NBD, and fewest with positive spend for Gamma-Gamma
     * @param valuePercentile    percentile (0-100) of past value from which a customer is valuable
     * @param atRiskPAlive       P(alive) below which a valuable customer is at risk
     */
    public record Thresholds(int minCustomers, int minRepeatCustomers, double valuePercentile, double atRiskPAlive) {
    }

    private final Thresholds thresholds;
    private final Clock clock;

    public ModelFitter(Thresholds thresholds, Clock clock) {
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public ChurnModelVersion fit(long version, List<PurchaseSummary> customers, LocalDate cutoff) {
        long started = System.nanoTime();
        Instant fittedAt = clock.instant();
        int n = customers.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] pastValue = new double[n];
        for (int i = 0; i < n; i++) {
            PurchaseSummary s = customers.get(i);
            x[i] = s.repeatPurchases();
            tx[i] = s.recency(1);
            age[i] = s.age(cutoff, 1);
            pastValue[i] = s.totalSpend().doubleValue();
        }
        CustomerGroups groups = CustomerGroups.of(x, tx, age);
        long repeaters = groups.repeatCustomers();
        double valueThreshold = percentile(pastValue, thresholds.valuePercentile());
        String shortage = n < thresholds.minCustomers()
                ? n + " customers with purchases, at least " + thresholds.minCustomers() + " needed"
                : repeaters < thresholds.minRepeatCustomers()
                        ? repeaters + " repeat customers, at least " + thresholds.minRepeatCustomers() + " needed"
                        : null;
        if (shortage != null) {
            return new ChurnModelVersion(version, ChurnModelVersion.INSUFFICIENT_DATA, shortage, fittedAt, cutoff, n,
                    repeaters, millisSince(started), null, null, null, valueThreshold, thresholds.atRiskPAlive(),
                    List.of());
        }
        BgNbdFitter.Fit purchases = BgNbdFitter.fit(groups);
        BgNbd bg = purchases.model();
        var purchaseModel = new ChurnModelVersion.PurchaseModel(bg.r(), bg.alpha(), bg.a(), bg.b(),
                purchases.optimum().logLikelihood(), purchases.optimum().converged(),
                purchases.optimum().evaluations());

        List<Integer> spenders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (x[i] > 0 && customers.get(i).meanRepeatSpend() > 0) {
                spenders.add(i);
            }
        }
        ChurnModelVersion.SpendModel spendModel = null;
        String spendReason = null;
        if (spenders.size() < thresholds.minRepeatCustomers()) {
            spendReason = "spend model: " + spenders.size()
                    + " repeat customers with a positive net repeat spend, at least "
                    + thresholds.minRepeatCustomers() + " needed";
        } else {
            GammaGammaFitter.Fit spend = GammaGammaFitter.fit(spenders.stream().mapToInt(i -> x[i]).toArray(),
                    spenders.stream().mapToDouble(i -> customers.get(i).meanRepeatSpend()).toArray());
            GammaGamma gg = spend.model();
            spendModel = new ChurnModelVersion.SpendModel(gg.p(), gg.q(), gg.gamma(), spend.optimum().logLikelihood(),
                    spend.optimum().converged(), spenders.size());
            if (!spend.optimum().converged()) {
                spendReason = "spend model: the maximum-likelihood fit did not converge";
            }
        }
        boolean converged = purchases.optimum().converged();
        return new ChurnModelVersion(version, converged ? ChurnModelVersion.FITTED : ChurnModelVersion.NOT_CONVERGED,
                converged ? null : "the BG/NBD maximum-likelihood fit did not converge", fittedAt, cutoff, n, repeaters,
                millisSince(started), purchaseModel, spendModel, spendReason, valueThreshold, thresholds.atRiskPAlive(),
                calibration(bg, groups));
    }

    /** The scoring view of a usable version. */
    public static ScoringModel scoringModel(ChurnModelVersion version) {
        var pm = version.purchaseModel();
        var sm = version.spendModel();
        return new ScoringModel(version.version(), new BgNbd(pm.r(), pm.alpha(), pm.a(), pm.b()),
                sm == null || !sm.converged() ? null : new GammaGamma(sm.p(), sm.q(), sm.gamma()),
                version.spendReason(), version.atRiskValueThreshold(), version.atRiskPAlive());
    }

    static List<FrequencyBucket> calibration(BgNbd model, CustomerGroups groups) {
        long[] actualCustomers = new long[LAST_BUCKET + 1];
        long[] actualPurchases = new long[LAST_BUCKET + 1];
        double[] customersOfAge = new double[groups.distinctAge.length];
        for (int g = 0; g < groups.size(); g++) {
            int bucket = Math.min(groups.x[g], LAST_BUCKET);
            actualCustomers[bucket] += groups.count[g];
            actualPurchases[bucket] += (long) groups.count[g] * groups.x[g];
            customersOfAge[groups.ageIndex[g]] += groups.count[g];
        }
        double[] expectedCustomers = new double[LAST_BUCKET + 1];
        double[] expectedPurchases = new double[LAST_BUCKET + 1];
        double expectedTotalPurchases = 0;
        for (int i = 0; i < customersOfAge.length; i++) {
            double t = groups.distinctAge[i];
            expectedTotalPurchases += customersOfAge[i] * model.expectedPurchases(t);
            for (int k = 0; k < LAST_BUCKET; k++) {
                double customers = customersOfAge[i] * model.probabilityOfPurchases(k, t);
                expectedCustomers[k] += customers;
                expectedPurchases[k] += k * customers;
            }
        }
        expectedCustomers[LAST_BUCKET] = groups.customers() - Arrays.stream(expectedCustomers).sum();
        expectedPurchases[LAST_BUCKET] = expectedTotalPurchases - Arrays.stream(expectedPurchases).sum();
        List<FrequencyBucket> buckets = new ArrayList<>();
        for (int k = 0; k <= LAST_BUCKET; k++) {
            buckets.add(new FrequencyBucket(k == LAST_BUCKET ? LAST_BUCKET + "+" : String.valueOf(k),
                    actualCustomers[k], expectedCustomers[k], actualPurchases[k], expectedPurchases[k]));
        }
        return buckets;
    }

    static double percentile(double[] values, double percentile) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
