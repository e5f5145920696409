package io.aftercart.intelligence.churn.internal;

import io.aftercart.intelligence.churn.CustomerPrediction;
import io.aftercart.intelligence.churn.PurchaseSummary;
import java.time.LocalDate;
import java.util.List;

/**
 * Scores customers with a fitted model. Everything that depends only on (x, tx, T) is computed once per distinct
 * history (see {@link CustomerGroups}), in parallel; per customer only the spend terms are added.
 */
public final class ChurnScorer {

    private final ScoringModel model;
    private final ScoringSettings settings;

    public ChurnScorer(ScoringModel model, ScoringSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    public List<CustomerPrediction> score(List<PurchaseSummary> customers, LocalDate asOf) {
        int n = customers.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            PurchaseSummary s = customers.get(i);
            x[i] = s.repeatPurchases();
            tx[i] = s.recency(1);
            age[i] = s.age(asOf, 1);
        }
        CustomerGroups groups = CustomerGroups.of(x, tx, age);
        GroupScores scores = scoreGroups(groups);
        CustomerPrediction[] predictions = new CustomerPrediction[n];
        Chunks.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                predictions[i] = predict(customers.get(i), groups.groupOfCustomer[i], scores, asOf);
            }
        });
        return List.of(predictions);
    }

    /** Per distinct history: P(alive), expected purchases, discounted purchases, median wait and CLV quantiles. */
    record GroupScores(double[] pAlive, double[] expectedPurchases, double[] discountedPurchases, double[] medianWait,
            double[] lowFactor, double[] highFactor) {
    }

    GroupScores scoreGroups(CustomerGroups groups) {
        int g = groups.size();
        GroupScores scores = new GroupScores(new double[g], new double[g], new double[g], new double[g], new double[g],
                new double[g]);
        BgNbd bg = model.bgNbd();
        ClvInterval interval = model.spend() == null ? null : new ClvInterval(bg, model.spend(), settings);
        double[][] drawsByX = new double[groups.distinctX.length][];
        if (interval != null) {
            Chunks.run(drawsByX.length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    drawsByX[i] = interval.drawsFor(groups.distinctX[i]);
                }
            });
        }
        double period = settings.periodDays();
        double discount = settings.periodDiscount();
        Chunks.run(g, (from, to) -> {
            for (int k = from; k < to; k++) {
                int x = groups.x[k];
                double tx = groups.tx[k];
                double age = groups.age[k];
                double pAlive = bg.probabilityAlive(x, tx, age);
                scores.pAlive[k] = pAlive;
                scores.expectedPurchases[k] = bg.conditionalExpectedPurchases(settings.horizonDays(), x, tx, age);
                double discounted = 0;
                double before = 0;
                double factor = 1;
                for (int m = 1; m <= settings.clvPeriods(); m++) {
                    double upTo = bg.conditionalExpectedPurchases(m * period, x, tx, age);
                    factor *= discount;
                    discounted += (upTo - before) * factor;
                    before = upTo;
                }
                scores.discountedPurchases[k] = discounted;
                scores.medianWait[k] = bg.medianWaitIfAlive(x, age);
                if (interval != null) {
                    double[] bounds = interval.bounds(
                            interval.scaledValuesIfAlive(drawsByX[groups.xIndex[k]], age), pAlive);
                    scores.lowFactor[k] = bounds[0];
                    scores.highFactor[k] = bounds[1];
                }
            }
        });
        return scores;
    }

    private CustomerPrediction predict(PurchaseSummary customer, int group, GroupScores scores, LocalDate asOf) {
        int x = customer.repeatPurchases();
        double zbar = customer.meanRepeatSpend();
        double pAlive = scores.pAlive[group];
        double pastValue = customer.totalSpend().doubleValue();
        Double averageSpend = null;
        Double clv = null;
        Double low = null;
        Double high = null;
        String reason = model.spendGap();
        GammaGamma spend = model.spend();
        if (spend != null) {
            double expected = spend.expectedAverageSpend(x, zbar);
            if (Double.isFinite(expected)) {
                double scale = spend.spendScale(x, zbar);
                averageSpend = expected;
                clv = scores.discountedPurchases[group] * expected;
                low = scores.lowFactor[group] * scale;
                high = scores.highFactor[group] * scale;
            } else {
                reason = "the spend model has no finite mean for customers without repeat purchases (q <= 1)";
            }
        }
        long waitDays = (long) Math.ceil(Math.min(scores.medianWait[group], 36_500));
        return new CustomerPrediction(customer.customerId(), model.version(), CustomerPrediction.SCORED, reason, asOf,
                pAlive, 1 - pAlive, scores.expectedPurchases[group], settings.horizonDays(), asOf.plusDays(waitDays),
                averageSpend, clv, low, high, settings.clvHorizonDays(), pastValue,
                pastValue >= model.atRiskValueThreshold() && pAlive < model.atRiskPAlive(), customer.currency());
    }
}
