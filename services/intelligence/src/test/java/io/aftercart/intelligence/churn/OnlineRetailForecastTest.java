package io.aftercart.intelligence.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.aftercart.intelligence.churn.internal.BgNbd;
import io.aftercart.intelligence.churn.internal.BgNbdFitter;
import io.aftercart.intelligence.churn.internal.CustomerGroups;
import io.aftercart.platform.testing.OnlineRetailCsv;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * An out-of-sample forecast on real data (UCI Online Retail, data README §3): calibrate on purchase days until
 * 2011-06-30 (cancellation invoices and non-positive quantities left out), predict each customer's repeat purchase
 * days in 2011-07-01..2011-09-30 and compare with what happened, against two naive baselines.
 */
class OnlineRetailForecastTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(2011, 6, 30);
    private static final LocalDate HOLDOUT_END = LocalDate.of(2011, 9, 30);

    @Test
    void forecastBeatsNaiveBaselinesAndHitsTheTotal() {
        Map<String, TreeSet<LocalDate>> days = purchaseDays();
        List<Double> ages = new ArrayList<>();
        List<Double> recencies = new ArrayList<>();
        List<Integer> frequencies = new ArrayList<>();
        List<Integer> actual = new ArrayList<>();
        days.forEach((customer, set) -> {
            LocalDate first = set.first();
            if (first.isAfter(CALIBRATION_END)) {
                return;
            }
            var calibrationDays = set.headSet(CALIBRATION_END, true);
            frequencies.add(calibrationDays.size() - 1);
            recencies.add((double) ChronoUnit.DAYS.between(first, calibrationDays.last()));
            ages.add((double) ChronoUnit.DAYS.between(first, CALIBRATION_END));
            actual.add(set.tailSet(CALIBRATION_END, false).size());
        });
        int n = frequencies.size();
        int[] x = frequencies.stream().mapToInt(Integer::intValue).toArray();
        double[] tx = recencies.stream().mapToDouble(Double::doubleValue).toArray();
        double[] age = ages.stream().mapToDouble(Double::doubleValue).toArray();
        double horizon = ChronoUnit.DAYS.between(CALIBRATION_END, HOLDOUT_END);

        BgNbdFitter.Fit fit = BgNbdFitter.fit(CustomerGroups.of(x, tx, age));
        assertThat(fit.optimum().converged()).isTrue();
        BgNbd model = fit.model();
        double[] predicted = new double[n];
        double[] zero = new double[n];
        double[] historicRate = new double[n];
        double[] observed = new double[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = model.conditionalExpectedPurchases(horizon, x[i], tx[i], age[i]);
            historicRate[i] = age[i] > 0 ? x[i] / age[i] * horizon : 0;
            observed[i] = actual.get(i);
        }
        System.out.printf("Online Retail: %d customers calibrated until %s, horizon %.0f days; BG/NBD r=%.4f alpha=%.3f"
                + " a=%.3g b=%.4g LL=%.2f evaluations=%d%n", n, CALIBRATION_END, horizon, model.r(), model.alpha(),
                model.a(), model.b(), fit.optimum().logLikelihood(), fit.optimum().evaluations());
        Accuracy bgnbd = Accuracy.of("BG/NBD", predicted, observed);
        Accuracy none = Accuracy.of("zero purchases", zero, observed);
        Accuracy rate = Accuracy.of("historic rate x horizon", historicRate, observed);
        List.of(bgnbd, none, rate).forEach(a -> System.out.println("  " + a));

        assertThat(bgnbd.rmse()).isLessThan(none.rmse());
        assertThat(bgnbd.rmse()).isLessThan(rate.rmse());
        assertThat(bgnbd.total()).isCloseTo(bgnbd.actualTotal(), withinPercentage(10));
    }

    record Accuracy(String name, double rmse, double mae, double correlation, double total, double actualTotal) {

        static Accuracy of(String name, double[] predicted, double[] observed) {
            double se = 0;
            double ae = 0;
            double total = 0;
            double actualTotal = 0;
            for (int i = 0; i < predicted.length; i++) {
                double e = predicted[i] - observed[i];
                se += e * e;
                ae += Math.abs(e);
                total += predicted[i];
                actualTotal += observed[i];
            }
            return new Accuracy(name, Math.sqrt(se / predicted.length), ae / predicted.length,
                    correlation(predicted, observed), total, actualTotal);
        }

        private static double correlation(double[] u, double[] v) {
            double mu = mean(u);
            double mv = mean(v);
            double suv = 0;
            double suu = 0;
            double svv = 0;
            for (int i = 0; i < u.length; i++) {
                suv += (u[i] - mu) * (v[i] - mv);
                suu += (u[i] - mu) * (u[i] - mu);
                svv += (v[i] - mv) * (v[i] - mv);
            }
            return suu == 0 || svv == 0 ? Double.NaN : suv / Math.sqrt(suu * svv);
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double value : values) {
                sum += value;
            }
            return sum / values.length;
        }

        @Override
        public String toString() {
            return String.format("%-24s RMSE %.4f  MAE %.4f  correlation %s  forecast total %.1f (actual %.0f)",
                    name, rmse, mae, Double.isNaN(correlation) ? "n/a (constant)" : String.format("%.4f", correlation),
                    total, actualTotal);
        }
    }

    /** Purchase days per customer: invoices that are not cancellations, lines with a positive quantity. */
    private static Map<String, TreeSet<LocalDate>> purchaseDays() {
        Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
        for (OnlineRetailCsv.Row row : OnlineRetailCsv.read()) {
            if (row.customerId() != null && row.isPurchase() && row.quantity() > 0) {
                days.computeIfAbsent(row.customerId(), k -> new TreeSet<>()).add(row.invoiceDate().toLocalDate());
            }
        }
        return days;
    }
}
