package io.aftercart.intelligence.churn.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood fit of {@link GammaGamma} on repeat customers with a positive mean repeat spend (the model is
 * defined for positive values only; the caller leaves the others out and says so).
 */
public final class GammaGammaFitter {

    private GammaGammaFitter() {
    }

    public record Fit(GammaGamma model, Optimum optimum) {
    }

    /** @param x repeat purchases (≥ 1) and zbar mean repeat spend (> 0) of each customer */
    public static Fit fit(int[] x, double[] zbar) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 1 || !(zbar[i] > 0)) {
                throw new IllegalArgumentException("Gamma-Gamma needs x >= 1 and zbar > 0 for every customer");
            }
        }
        double mean = 0;
        for (double z : zbar) {
            mean += z / zbar.length;
        }
        Data data = Data.of(x, zbar);
        Optimum optimum = LogScaleMaximizer.maximize(params -> logLikelihood(data, params), new double[] {1, 2, mean});
        double[] p = optimum.parameters();
        return new Fit(new GammaGamma(p[0], p[1], p[2]), optimum);
    }

    /** The total log-likelihood at (p, q, γ). */
    public static double logLikelihood(int[] x, double[] zbar, double[] params) {
        return logLikelihood(Data.of(x, zbar), params);
    }

    private record Data(int[] x, double[] zbar, double[] logZbar, double[] logX, int[] xIndex, int[] distinctX) {

        static Data of(int[] x, double[] zbar) {
            Map<Integer, Integer> index = new HashMap<>();
            int[] xIndex = new int[x.length];
            double[] logZbar = new double[x.length];
            double[] logX = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xIndex[i] = index.computeIfAbsent(x[i], k -> index.size());
                logZbar[i] = Math.log(zbar[i]);
                logX[i] = Math.log(x[i]);
            }
            int[] distinct = new int[index.size()];
            index.forEach((value, i) -> distinct[i] = value);
            return new Data(x, zbar, logZbar, logX, xIndex, distinct);
        }
    }

    private static double logLikelihood(Data data, double[] params) {
        double p = params[0];
        double q = params[1];
        double gamma = params[2];
        double[] base = new double[data.distinctX().length];
        for (int i = 0; i < base.length; i++) {
            double px = p * data.distinctX()[i];
            base[i] = Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma);
        }
        return Chunks.sum(data.x().length, (from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                double px = p * data.x()[i];
                sum += base[data.xIndex()[i]] + (px - 1) * data.logZbar()[i] + px * data.logX()[i]
                        - (px + q) * Math.log(gamma + data.x()[i] * data.zbar()[i]);
            }
            return sum;
        });
    }
}
