package io.aftercart.bench.churn;

import static io.aftercart.bench.ResultTable.decimal;

import io.aftercart.bench.Options;
import io.aftercart.bench.ProcessStats;
import io.aftercart.bench.ResultTable;
import io.aftercart.intelligence.churn.CustomerPrediction;
import io.aftercart.intelligence.churn.PurchaseSummary;
import io.aftercart.intelligence.churn.internal.BgNbd;
import io.aftercart.intelligence.churn.internal.BgNbdFitter;
import io.aftercart.intelligence.churn.internal.ChurnScorer;
import io.aftercart.intelligence.churn.internal.CustomerGroups;
import io.aftercart.intelligence.churn.internal.GammaGamma;
import io.aftercart.intelligence.churn.internal.ScoringModel;
import io.aftercart.intelligence.churn.internal.ScoringSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Fit and scoring times of the churn models: BG/NBD fit on CDNOW and on 1,000,000 synthetic customers, scoring of
 * 1,000,000 customers; each against a straightforward single-threaded implementation in the same run (per-customer
 * likelihood with its own log-gamma terms; per-customer scoring and posterior draws without grouping). The
 * baselines on the synthetic data run on a 100,000-customer slice and are scaled ×10 (both are linear in customers).
 *
 * <p>Run from the repository root (about two minutes; the synthetic customers need a few GB of heap):
 * <pre>MAVEN_OPTS=-Xmx4g ./mvnw -q -B -pl bench compile exec:java
 *     -Dexec.mainClass=io.aftercart.bench.churn.ChurnBenchmark
 *     [-Dexec.args="--customers=1000000 --data=../shared/data"]</pre>
 * Targets on 2 cores: fit(1M) ≤ 10 s, score(1M) ≤ 5 s.
 */
public final class ChurnBenchmark {

    private static final LocalDate CUTOFF = LocalDate.of(2025, 12, 31);
    private static final int BASELINE_SLICE = 100_000;
    private static final double TARGET_FIT_SECONDS = 10;
    private static final double TARGET_SCORE_SECONDS = 5;
    private static final String CDNOW = "cdnow/CDNOW_sample.txt";

    private ChurnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Map.of("customers", "1000000", "data", ""));
        int customers = options.integer("customers");
        System.out.printf(Locale.ROOT, "Churn benchmark: %,d synthetic customers, %d cores, max heap %,d MiB, "
                + "load average %s%n", customers, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1024 / 1024, ProcessStats.loadAverage());
        ResultTable table = new ResultTable();
        cdnowFit(options.dataDir().resolve(CDNOW), table);

        List<PurchaseSummary> synthetic = synthetic(customers, new Well19937c(42));
        int[] x = new int[customers];
        double[] tx = new double[customers];
        double[] age = new double[customers];
        for (int i = 0; i < customers; i++) {
            x[i] = synthetic.get(i).repeatPurchases();
            tx[i] = synthetic.get(i).recency(1);
            age[i] = synthetic.get(i).age(CUTOFF, 1);
        }
        long t0 = System.nanoTime();
        CustomerGroups groups = CustomerGroups.of(x, tx, age);
        BgNbdFitter.Fit fast = BgNbdFitter.fit(groups);
        double fastSeconds = seconds(t0);
        int slice = Math.min(BASELINE_SLICE, customers);
        double scale = (double) customers / slice;
        t0 = System.nanoTime();
        BgNbdFitter.Fit naive = naiveFit(Arrays.copyOf(x, slice), Arrays.copyOf(tx, slice), Arrays.copyOf(age, slice));
        double naiveSeconds = seconds(t0) * scale;
        System.out.printf(Locale.ROOT, "fit of %,d synthetic customers (%,d distinct histories, %d evaluations): %s; "
                + "baseline on %,d customers: %d evaluations%n", customers, groups.size(),
                fast.optimum().evaluations(), fast.model(), slice, naive.optimum().evaluations());
        table.add(String.format(Locale.ROOT, "BG/NBD fit, %,d customers: s", customers), decimal(fastSeconds),
                "≤ 10", fastSeconds <= TARGET_FIT_SECONDS);
        table.add(String.format(Locale.ROOT, "baseline fit (%,d customers × %.0f): s", slice, scale),
                decimal(naiveSeconds));
        table.add("ratio baseline / fit", decimal(naiveSeconds / fastSeconds));

        ScoringSettings settings = new ScoringSettings(90, 365, 12, 0.1, 0.9, 200, 1);
        ScoringModel model = new ScoringModel(1, fast.model(), new GammaGamma(6.25, 3.74, 15.44), null, 100, 0.5);
        t0 = System.nanoTime();
        List<CustomerPrediction> scores = new ChurnScorer(model, settings).score(synthetic, CUTOFF);
        double scoreSeconds = seconds(t0);
        t0 = System.nanoTime();
        double naiveMeanClv = naiveScore(synthetic.subList(0, slice), model, settings);
        double naiveScoreSeconds = seconds(t0) * scale;
        table.add(String.format(Locale.ROOT, "scoring, %,d customers: s", customers), decimal(scoreSeconds), "≤ 5",
                scoreSeconds <= TARGET_SCORE_SECONDS);
        table.add(String.format(Locale.ROOT, "baseline scoring (%,d customers × %.0f): s", slice, scale),
                decimal(naiveScoreSeconds));
        table.add("ratio baseline / scoring", decimal(naiveScoreSeconds / scoreSeconds));
        table.add("mean CLV: scorer (all) / baseline (slice)", decimal(scores.stream()
                .mapToDouble(CustomerPrediction::clv).average().orElse(0)) + " / " + decimal(naiveMeanClv));
        System.out.println(table.render());
    }

    private static void cdnowFit(Path sample, ResultTable table) throws Exception {
        Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
        LocalDate end = LocalDate.of(1997, 9, 30);
        for (String line : Files.readAllLines(sample)) {
            String[] f = line.trim().split("\\s+");
            LocalDate day = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
            if (!day.isAfter(end)) {
                days.computeIfAbsent(f[1], k -> new TreeSet<>()).add(day);
            }
        }
        int n = days.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        int i = 0;
        for (TreeSet<LocalDate> set : days.values()) {
            x[i] = set.size() - 1;
            tx[i] = (set.last().toEpochDay() - set.first().toEpochDay()) / 7.0;
            age[i] = (end.toEpochDay() - set.first().toEpochDay()) / 7.0;
            i++;
        }
        int rounds = 20;
        long t0 = System.nanoTime();
        BgNbdFitter.Fit fast = null;
        for (int k = 0; k < rounds; k++) {
            fast = BgNbdFitter.fit(CustomerGroups.of(x, tx, age));
        }
        double fastMillis = seconds(t0) * 1000 / rounds;
        t0 = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            naiveFit(x, tx, age);
        }
        double naiveMillis = seconds(t0) * 1000 / rounds;
        table.add(String.format(Locale.ROOT, "BG/NBD fit, CDNOW (%,d customers): ms", n), decimal(fastMillis));
        table.add("baseline fit, CDNOW: ms", decimal(naiveMillis));
        table.add("ratio baseline / fit, CDNOW", decimal(naiveMillis / fastMillis));
        table.add("CDNOW log-likelihood (paper: −9582.4)", String.format(Locale.ROOT, "%.3f",
                fast.optimum().logLikelihood()));
    }

    /** The same optimiser on the per-customer likelihood, summed in one thread. */
    private static BgNbdFitter.Fit naiveFit(int[] x, double[] tx, double[] age) {
        double meanAge = Arrays.stream(age).average().orElse(1);
        return BgNbdFitter.fit(params -> {
            BgNbd model;
            try {
                model = new BgNbd(params[0], params[1], params[2], params[3]);
            } catch (IllegalArgumentException e) {
                return Double.NEGATIVE_INFINITY;
            }
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += model.logLikelihood(x[i], tx[i], age[i]);
            }
            return sum;
        }, meanAge);
    }

    /** Per customer, one thread: P(alive), expectations, discounted purchases, and its own posterior draws. */
    private static double naiveScore(List<PurchaseSummary> customers, ScoringModel model, ScoringSettings s) {
        BgNbd bg = model.bgNbd();
        GammaGamma gg = model.spend();
        RandomGenerator random = new Well19937c(1);
        double period = (double) s.clvHorizonDays() / s.clvPeriods();
        double v = Math.pow(1 + s.annualDiscountRate(), -period / 365);
        double clvSum = 0;
        for (PurchaseSummary c : customers) {
            int x = c.repeatPurchases();
            double tx = c.recency(1);
            double age = c.age(CUTOFF, 1);
            double pAlive = bg.probabilityAlive(x, tx, age);
            bg.conditionalExpectedPurchases(s.horizonDays(), x, tx, age);
            double discounted = 0;
            double before = 0;
            for (int m = 1; m <= s.clvPeriods(); m++) {
                double upTo = bg.conditionalExpectedPurchases(m * period, x, tx, age);
                discounted += (upTo - before) * Math.pow(v, m);
                before = upTo;
            }
            double zbar = c.meanRepeatSpend();
            clvSum += discounted * gg.expectedAverageSpend(x, zbar);
            GammaDistribution lambda = new GammaDistribution(random, bg.r() + x, 1 / (bg.alpha() + age));
            BetaDistribution dropout = new BetaDistribution(random, bg.a(), bg.b() + x);
            GammaDistribution nu = new GammaDistribution(random, gg.posteriorShape(x),
                    1 / (gg.gamma() + x * Math.max(zbar, 0)));
            double[] values = new double[s.intervalSamples()];
            for (int k = 0; k < values.length; k++) {
                double l = lambda.sample();
                double p = dropout.sample();
                double purchases = 0;
                for (int m = 1; m <= s.clvPeriods(); m++) {
                    purchases += (Math.exp(-l * p * (m - 1) * period) - Math.exp(-l * p * m * period)) / p
                            * Math.pow(v, m);
                }
                values[k] = (random.nextDouble() < pAlive ? 1 : 0) * purchases * gg.p() / nu.sample();
            }
            Arrays.sort(values);
        }
        return clvSum / customers.size();
    }

    /** Customers drawn from BG/NBD (r 0.25, α 30 days, a 0.8, b 2.5) and Gamma-Gamma, born over two years. */
    private static List<PurchaseSummary> synthetic(int n, RandomGenerator random) {
        GammaDistribution rate = new GammaDistribution(random, 0.25, 1 / 30.0);
        BetaDistribution dropout = new BetaDistribution(random, 0.8, 2.5);
        GammaDistribution nu = new GammaDistribution(random, 3.74, 1 / 15.44);
        List<PurchaseSummary> customers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int ageDays = random.nextInt(730);
            double lambda = rate.sample();
            double p = dropout.sample();
            double meanSpend = 6.25 / nu.sample();
            int days = 1;
            int lastDay = 0;
            double t = 0;
            while (true) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > ageDays) {
                    break;
                }
                if ((int) t > lastDay) {
                    days++;
                    lastDay = (int) t;
                }
                if (random.nextDouble() < p) {
                    break;
                }
            }
            LocalDate first = CUTOFF.minusDays(ageDays);
            BigDecimal repeat = BigDecimal.valueOf(meanSpend * (days - 1)).setScale(2, RoundingMode.HALF_EVEN);
            customers.add(new PurchaseSummary("s" + i, days, first, first.plusDays(lastDay), repeat,
                    repeat.add(BigDecimal.valueOf(meanSpend).setScale(2, RoundingMode.HALF_EVEN)), "EUR"));
        }
        return customers;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
