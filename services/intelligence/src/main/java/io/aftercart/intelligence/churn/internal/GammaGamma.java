package io.aftercart.intelligence.churn.internal;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma spend model (Fader and Hardie 2013, "The Gamma-Gamma Model of Monetary Value"): a customer's
 * transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so his mean spend is p/ν.
 */
public record GammaGamma(double p, double q, double gamma) {

    public GammaGamma {
        if (!(p > 0 && q > 0 && gamma > 0)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be positive");
        }
    }

    /** The log-likelihood of one repeat customer's mean spend zbar over x transactions (x ≥ 1, zbar > 0). */
    public double logLikelihood(int x, double zbar) {
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(zbar) + px * Math.log(x) - (px + q) * Math.log(gamma + x * zbar);
    }

    /**
     * E[M | x, zbar]: the expected mean spend per transaction, a weighted average of the population mean and the
     * customer's own mean. A non-positive net mean (refunds exceeding purchases) counts as zero. NaN when the
     * posterior mean does not exist (px + q ≤ 1, e.g. no repeat purchases and q ≤ 1).
     */
    public double expectedAverageSpend(int x, double zbar) {
        double shape = p * x + q;
        return shape > 1 ? spendScale(x, zbar) / (shape - 1) : Double.NaN;
    }

    /** p (γ + x zbar): the customer's mean spend is this divided by a Gamma(px + q, 1) variable. */
    public double spendScale(int x, double zbar) {
        return p * (gamma + x * Math.max(zbar, 0));
    }

    /** The shape px + q of the customer's posterior of ν. */
    public double posteriorShape(int x) {
        return p * x + q;
    }
}
