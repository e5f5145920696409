package io.aftercart.intelligence.churn.internal;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum-likelihood fit of {@link BgNbd}. One likelihood evaluation costs a few logarithms per distinct x, tx
 * and T, and one exp and log1p per group of identical customers; groups are summed in parallel.
 */
public final class BgNbdFitter {

    private BgNbdFitter() {
    }

    public record Fit(BgNbd model, Optimum optimum) {
    }

    public static Fit fit(CustomerGroups groups) {
        return fit(params -> logLikelihood(groups, params), groups.meanAge());
    }

    /**
     * Maximises any implementation of the BG/NBD log-likelihood of (r, α, a, b), starting at α = the customers' mean
     * age (the time scale of the data) and 1 for the others.
     */
    public static Fit fit(ToDoubleFunction<double[]> logLikelihood, double meanAge) {
        double[] start = {1, Math.max(meanAge, 1e-3), 1, 1};
        Optimum optimum = LogScaleMaximizer.maximize(logLikelihood, start);
        double[] p = optimum.parameters();
        return new Fit(new BgNbd(p[0], p[1], p[2], p[3]), optimum);
    }

    /** The total log-likelihood of all customers at (r, α, a, b). */
    public static double logLikelihood(CustomerGroups groups, double[] params) {
        double r = params[0];
        double alpha = params[1];
        double a = params[2];
        double b = params[3];
        int[] xs = groups.distinctX;
        double[] base = new double[xs.length];
        double[] dropOut = new double[xs.length];
        double common = -Gamma.logGamma(r) + r * Math.log(alpha) - Beta.logBeta(a, b);
        for (int i = 0; i < xs.length; i++) {
            base[i] = common + Gamma.logGamma(r + xs[i]) + Beta.logBeta(a, b + xs[i]);
            dropOut[i] = xs[i] == 0 ? 0 : Math.log(a) - Math.log(b + xs[i] - 1);
        }
        double[] logAlphaAge = logShifted(alpha, groups.distinctAge);
        double[] logAlphaTx = logShifted(alpha, groups.distinctTx);
        return Chunks.sum(groups.size(), (from, to) -> {
            double sum = 0;
            for (int g = from; g < to; g++) {
                int xi = groups.xIndex[g];
                double s = r + groups.x[g];
                double alive = -s * logAlphaAge[groups.ageIndex[g]];
                double ll = groups.x[g] == 0 ? alive
                        : BgNbd.logSumExp(alive, dropOut[xi] - s * logAlphaTx[groups.txIndex[g]]);
                sum += groups.count[g] * (base[xi] + ll);
            }
            return sum;
        });
    }

    private static double[] logShifted(double shift, double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(shift + values[i]);
        }
        return logs;
    }
}
