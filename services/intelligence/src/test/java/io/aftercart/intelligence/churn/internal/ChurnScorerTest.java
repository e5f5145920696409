package io.aftercart.intelligence.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aftercart.intelligence.churn.CustomerPrediction;
import io.aftercart.intelligence.churn.PurchaseSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores against the model's closed forms, and the sampled CLV interval against the analytic CLV. */
class ChurnScorerTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    // CDNOW estimates, rescaled from weeks to days (α is a time scale)
    private static final BgNbd BG = new BgNbd(0.243, 4.414 * 7, 0.793, 2.426);
    private static final GammaGamma GG = new GammaGamma(6.25, 3.74, 15.44);
    private static final ScoringSettings SETTINGS = new ScoringSettings(90, 365, 12, 0.1, 0.9, 4000, 5);

    @Test
    void scoresFollowTheModelAndTheIntervalCoversTheSampledMean() {
        PurchaseSummary loyal = summary("loyal", 9, 300, 10, "400", "450");
        PurchaseSummary lapsed = summary("lapsed", 4, 400, 300, "160", "200");
        PurchaseSummary newcomer = summary("new", 1, 20, 20, "0", "30");
        PurchaseSummary refunded = summary("refunded", 2, 100, 50, "-20", "10");
        ScoringModel model = new ScoringModel(3, BG, GG, null, 150, 0.5);
        List<CustomerPrediction> scores = new ChurnScorer(model, SETTINGS)
                .score(List.of(loyal, lapsed, newcomer, refunded, loyal), AS_OF);

        CustomerPrediction l = scores.get(0);
        assertThat(l.pAlive()).isCloseTo(BG.probabilityAlive(8, 290, 300), within(1e-12));
        assertThat(l.expectedPurchases()).isCloseTo(BG.conditionalExpectedPurchases(90, 8, 290, 300), within(1e-12));
        assertThat(l.expectedAverageSpend()).isCloseTo(GG.expectedAverageSpend(8, 50), within(1e-9));
        assertThat(l.expectedNextOrderDate()).isAfter(AS_OF);
        assertThat(scores.get(4)).isEqualTo(l); // same history, same group, same answer

        CustomerPrediction lapsedScore = scores.get(1);
        assertThat(lapsedScore.pAlive()).isLessThan(0.5);
        assertThat(lapsedScore.atRisk()).isTrue();
        assertThat(l.atRisk()).isFalse();
        assertThat(scores.get(2).pAlive()).isEqualTo(1.0);
        assertThat(scores.get(3).expectedAverageSpend()).isPositive(); // a negative net spend is shrunk, not fatal

        for (CustomerPrediction s : scores) {
            assertThat(s.clv()).as(s.customerId()).isBetween(s.clvLow(), s.clvHigh());
            assertThat(s.churnProbability()).isCloseTo(1 - s.pAlive(), within(1e-12));
        }
    }

    @Test
    void sampledValuesAverageToTheAnalyticDiscountedValue() {
        ClvInterval interval = new ClvInterval(BG, GG, SETTINGS);
        ChurnScorer scorer = new ChurnScorer(new ScoringModel(1, BG, GG, null, 0, 0.5), SETTINGS);
        int x = 4;
        double tx = 200;
        double age = 260;
        var groups = CustomerGroups.of(new int[] {x}, new double[] {tx}, new double[] {age});
        var scores = scorer.scoreGroups(groups);
        double[] values = interval.scaledValuesIfAlive(interval.drawsFor(x), age);
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double sampled = BG.probabilityAlive(x, tx, age) * mean * GG.spendScale(x, 30);
        double analytic = scores.discountedPurchases()[0] * GG.expectedAverageSpend(x, 30);
        assertThat(sampled).isCloseTo(analytic, within(analytic * 0.05));
    }

    private static PurchaseSummary summary(String id, int days, int firstDaysAgo, int lastDaysAgo, String repeat,
            String total) {
        return new PurchaseSummary(id, days, AS_OF.minusDays(firstDaysAgo), AS_OF.minusDays(lastDaysAgo),
                new BigDecimal(repeat), new BigDecimal(total), "EUR");
    }
}
