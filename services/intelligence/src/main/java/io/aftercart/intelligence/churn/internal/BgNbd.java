package io.aftercart.intelligence.churn.internal;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005, "Counting Your Customers the Easy Way"): while active a
 * customer buys at rate λ ~ Gamma(r, α); after each purchase he drops out with probability p ~ Beta(a, b).
 * Time is in whatever unit the data are in (days in production, weeks in the paper's examples).
 * A customer is described by x (repeat purchases), tx (time of the last purchase after the first) and T (age).
 */
public record BgNbd(double r, double alpha, double a, double b) {

    public BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive");
        }
    }

    /** The log-likelihood of one customer, with the two likelihood branches combined as log-sum-exp. */
    public double logLikelihood(int x, double tx, double T) {
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double a2 = Beta.logBeta(a, b + x) - Beta.logBeta(a, b);
        double a3 = -(r + x) * Math.log(alpha + T);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return a1 + a2 + logSumExp(a3, a4);
    }

    /** P(alive | x, tx, T): the probability that the customer has not dropped out by T. */
    public double probabilityAlive(int x, double tx, double T) {
        if (x == 0) {
            return 1;
        }
        double logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
        return 1 / (1 + Math.exp(logOdds));
    }

    /** E[Y(t) | x, tx, T]: purchases expected in the next t (FHL 2005, eq. 10). */
    public double conditionalExpectedPurchases(double t, int x, double tx, double T) {
        if (t <= 0) {
            return 0;
        }
        double z = t / (alpha + T + t);
        double noPurchaseIfAlive = Hypergeometric.scaled(r + x, b + x, a + b + x - 1, z,
                (r + x) * Math.log((alpha + T) / (alpha + T + t)));
        return (a + b + x - 1) / (a - 1) * (1 - noPurchaseIfAlive) * probabilityAlive(x, tx, T);
    }

    /** E[X(t)]: purchases expected in t from a customer just acquired (FHL 2005, eq. 9). */
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0;
        }
        double z = t / (alpha + t);
        double h = Hypergeometric.scaled(r, b, a + b - 1, z, r * Math.log(alpha / (alpha + t)));
        return (a + b - 1) / (a - 1) * (1 - h);
    }

    /** P(X(t) = n): the probability of n purchases in t from a customer just acquired (FHL 2005, eq. 8). */
    public double probabilityOfPurchases(int n, double t) {
        double logShare = r * Math.log(alpha / (alpha + t));
        double logOdds = Math.log(t / (alpha + t));
        double first = Math.exp(Beta.logBeta(a, b + n) - Beta.logBeta(a, b) + logNegBinomial(n, logShare, logOdds));
        if (n == 0) {
            return first;
        }
        double cumulative = 0;
        for (int j = 0; j < n; j++) {
            cumulative += Math.exp(logNegBinomial(j, logShare, logOdds));
        }
        return first + Math.exp(Beta.logBeta(a + 1, b + n - 1) - Beta.logBeta(a, b)) * (1 - cumulative);
    }

    /**
     * The median wait until the next purchase of a customer who is still active: the posterior of λ is
     * Gamma(r + x, α + T), so P(no purchase in w | active) = ((α+T)/(α+T+w))^(r+x) = 1/2 at this w.
     */
    public double medianWaitIfAlive(int x, double T) {
        return (alpha + T) * Math.expm1(Math.log(2) / (r + x));
    }

    /** log of Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j. */
    private double logNegBinomial(int j, double logShare, double logOdds) {
        return Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0) + logShare + j * logOdds;
    }

    static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }
}
