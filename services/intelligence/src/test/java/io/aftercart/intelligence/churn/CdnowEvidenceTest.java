package io.aftercart.intelligence.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aftercart.intelligence.churn.internal.BgNbd;
import io.aftercart.intelligence.churn.internal.BgNbdFitter;
import io.aftercart.intelligence.churn.internal.CustomerGroups;
import io.aftercart.intelligence.churn.internal.GammaGamma;
import io.aftercart.intelligence.churn.internal.GammaGammaFitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models against the published CDNOW figures (data README §1): Fader, Hardie and Lee (2005) for BG/NBD, Fader
 * and Hardie (2013) for Gamma-Gamma, and the individual predictions quoted by lifetimes and BTYD.
 */
class CdnowEvidenceTest {

    private static Map<Integer, PurchaseSummary> summaries;
    private static int[] x;
    private static double[] tx;
    private static double[] age;

    @BeforeAll
    static void load() {
        summaries = Cdnow.calibrationSummaries();
        int n = summaries.size();
        x = new int[n];
        tx = new double[n];
        age = new double[n];
        int i = 0;
        for (PurchaseSummary s : summaries.values()) {
            x[i] = s.repeatPurchases();
            tx[i] = s.recency(Cdnow.WEEK);
            age[i] = s.age(Cdnow.CALIBRATION_END, Cdnow.WEEK);
            i++;
        }
    }

    @Test
    void summariesBuiltFromTransactionsMatchThePublishedSummary() {
        Map<Integer, double[]> published = Cdnow.publishedSummary();
        assertThat(summaries).hasSize(2357);
        published.forEach((id, row) -> {
            PurchaseSummary s = summaries.get(id);
            assertThat(s.repeatPurchases()).as("x of %d", id).isEqualTo((int) row[0]);
            assertThat(s.recency(Cdnow.WEEK)).as("t_x of %d", id).isCloseTo(row[1], within(0.006));
            assertThat(s.age(Cdnow.CALIBRATION_END, Cdnow.WEEK)).as("T of %d", id).isCloseTo(row[2], within(0.006));
            assertThat(s.meanRepeatSpend()).as("zbar of %d", id).isCloseTo(row[3], within(0.006));
        });
    }

    @Test
    void bgNbdFitReproducesThePaper() {
        BgNbdFitter.Fit fit = BgNbdFitter.fit(CustomerGroups.of(x, tx, age));
        BgNbd m = fit.model();
        System.out.printf("CDNOW BG/NBD: r=%.6f alpha=%.6f a=%.6f b=%.6f LL=%.4f evaluations=%d converged=%s%n",
                m.r(), m.alpha(), m.a(), m.b(), fit.optimum().logLikelihood(), fit.optimum().evaluations(),
                fit.optimum().converged());
        assertThat(fit.optimum().converged()).isTrue();
        assertThat(m.r()).isCloseTo(0.243, within(0.001));
        assertThat(m.alpha()).isCloseTo(4.414, within(0.001));
        assertThat(m.a()).isCloseTo(0.793, within(0.001));
        assertThat(m.b()).isCloseTo(2.426, within(0.001));
        assertThat(fit.optimum().logLikelihood()).isCloseTo(-9582.4, within(0.1));
    }

    @Test
    void groupedLikelihoodEqualsTheSumOverCustomers() {
        BgNbd paper = new BgNbd(0.243, 4.414, 0.793, 2.426);
        double perCustomer = 0;
        for (int i = 0; i < x.length; i++) {
            perCustomer += paper.logLikelihood(x[i], tx[i], age[i]);
        }
        double grouped = BgNbdFitter.logLikelihood(CustomerGroups.of(x, tx, age),
                new double[] {0.243, 4.414, 0.793, 2.426});
        assertThat(grouped).isCloseTo(perCustomer, within(1e-6));
        assertThat(grouped).isCloseTo(-9582.43, within(0.01));
    }

    @Test
    void gammaGammaFitReproducesTheNote() {
        List<Integer> repeaters = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                repeaters.add(i);
            }
        }
        assertThat(repeaters).hasSize(946);
        int[] rx = repeaters.stream().mapToInt(i -> x[i]).toArray();
        double[] zbar = repeaters.stream().mapToDouble(i -> summaries.get(i + 1).meanRepeatSpend()).toArray();
        GammaGammaFitter.Fit fit = GammaGammaFitter.fit(rx, zbar);
        GammaGamma m = fit.model();
        System.out.printf("CDNOW Gamma-Gamma: p=%.5f q=%.5f gamma=%.5f LL=%.4f converged=%s%n",
                m.p(), m.q(), m.gamma(), fit.optimum().logLikelihood(), fit.optimum().converged());
        assertThat(fit.optimum().converged()).isTrue();
        assertThat(m.p()).isCloseTo(6.25, within(0.01));
        assertThat(m.q()).isCloseTo(3.74, within(0.01));
        assertThat(m.gamma()).isCloseTo(15.44, within(0.01));

        double[] published = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        for (int id = 1; id <= 10; id++) {
            PurchaseSummary s = summaries.get(id);
            assertThat(m.expectedAverageSpend(s.repeatPurchases(), s.meanRepeatSpend()))
                    .as("expected average spend of customer %d", id).isCloseTo(published[id - 1], within(0.1));
        }
    }

    @Test
    void predictionsOfTheFittedModelMatchHardiesSpreadsheet() {
        // lifetimes asserts these on its own fit: |error| < 0.001, and "to 3 decimals" as numpy's |error| < 1.5e-3
        BgNbd fitted = BgNbdFitter.fit(CustomerGroups.of(x, tx, age)).model();
        assertThat(fitted.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.001));
        double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < t.length; i++) {
            assertThat(fitted.expectedPurchases(t[i])).as("E[X(%s)]", t[i]).isCloseTo(expected[i], within(0.0015));
        }
    }

    @Test
    void individualPredictionsAtThePaperParameters() {
        BgNbd paper = new BgNbd(0.243, 4.414, 0.793, 2.426);
        assertThat(paper.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-11));
        assertThat(paper.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-6));
        double[] p30 = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638, 0.0005517902,
                0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
        for (int n = 11; n <= 20; n++) {
            assertThat(paper.probabilityOfPurchases(n, 30)).as("P(X(30)=%d)", n).isCloseTo(p30[n - 11], within(1e-9));
        }
    }

    @Test
    void individualPredictionsAtTheBtydEstimates() {
        BgNbd btyd = new BgNbd(0.2425982, 4.4136842, 0.7929899, 2.4261667);
        assertThat(btyd.expectedPurchases(52)).isCloseTo(1.444004, within(1e-5));
        assertThat(btyd.conditionalExpectedPurchases(52, 26, 30.85714, 31)).isCloseTo(25.75659, within(1e-4));
        assertThat(btyd.probabilityAlive(26, 30.85714, 31)).isCloseTo(0.9688523, within(1e-6));
        int[] xs = {10, 15, 20, 25};
        double[] expected = {0.3474606, 0.04283391, 0.004158973, 0.0003583685};
        for (int i = 0; i < xs.length; i++) {
            assertThat(btyd.conditionalExpectedPurchases(52, xs[i], 20, 39)).as("x=%d", xs[i])
                    .isCloseTo(expected[i], within(expected[i] * 1e-5));
        }
    }
}
