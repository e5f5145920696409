package io.aftercart.intelligence.churn.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The uncertainty interval of a customer's lifetime value, by posterior sampling of his own latent traits.
 *
 * <p>Given the data, an active customer's purchase rate is λ ~ Gamma(r + x, α + T), his drop-out probability
 * p ~ Beta(a, b + x), and his mean spend p_gg / ν with ν ~ Gamma(p_gg x + q, γ + x zbar); all independent. For each
 * draw the discounted number of purchases over the horizon follows in closed form (per period k, the expected
 * purchases (1/p)(e^{-λp t_{k-1}} - e^{-λp t_k}) discounted by v^k, a geometric sum). The interval is the quantiles
 * of value = [alive] × purchases × spend, where "alive" has probability P(alive): a mixture with a point mass at 0.
 *
 * <p>Since spend = p_gg (γ + x zbar) / G with G ~ Gamma(p_gg x + q, 1), value / (p_gg (γ + x zbar)) depends only on
 * (x, tx, T): the quantiles are computed once per distinct history and scaled per customer. The Gamma and Beta draws
 * depend only on x and are shared by all histories with that x (common random numbers; each customer's marginal
 * interval is unaffected).
 */
final class ClvInterval {

    private final BgNbd bgNbd;
    private final GammaGamma spend;
    private final ScoringSettings settings;
    private final double period;
    private final double logDiscount;

    ClvInterval(BgNbd bgNbd, GammaGamma spend, ScoringSettings settings) {
        this.bgNbd = bgNbd;
        this.spend = spend;
        this.settings = settings;
        this.period = settings.periodDays();
        this.logDiscount = Math.log(settings.periodDiscount());
    }

    /** Draws of (λ·(α+T), p, G) for customers with x repeat purchases, flattened as triples. */
    double[] drawsFor(int x) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + x);
        double[] draws = new double[3 * settings.intervalSamples()];
        for (int k = 0; k < settings.intervalSamples(); k++) {
            draws[3 * k] = GammaSampler.gamma(bgNbd.r() + x, random);
            draws[3 * k + 1] = GammaSampler.beta(bgNbd.a(), bgNbd.b() + x, random);
            draws[3 * k + 2] = GammaSampler.gamma(spend.posteriorShape(x), random);
        }
        return draws;
    }

    /** value / (p_gg (γ + x zbar)) of an active customer of age T, one per draw. */
    double[] scaledValuesIfAlive(double[] draws, double age) {
        int samples = draws.length / 3;
        double[] values = new double[samples];
        int periods = settings.clvPeriods();
        for (int k = 0; k < samples; k++) {
            double lambda = draws[3 * k] / (bgNbd.alpha() + age);
            double p = draws[3 * k + 1];
            double decay = lambda * p * period;
            double logStep = logDiscount - decay;
            double geometric = logStep == 0 ? periods : Math.expm1(periods * logStep) / Math.expm1(logStep);
            double purchases = -Math.expm1(-decay) / p * Math.exp(logDiscount) * geometric;
            values[k] = purchases / draws[3 * k + 2];
        }
        return values;
    }

    /** The lower and upper quantile of the mixture (1 - P(alive)) δ0 + P(alive) F, from draws of F. */
    double[] bounds(double[] valuesIfAlive, double pAlive) {
        double[] sorted = valuesIfAlive.clone();
        Arrays.sort(sorted);
        double tail = (1 - settings.intervalLevel()) / 2;
        return new double[] {mixtureQuantile(sorted, pAlive, tail), mixtureQuantile(sorted, pAlive, 1 - tail)};
    }

    private static double mixtureQuantile(double[] sorted, double pAlive, double level) {
        double dead = 1 - pAlive;
        if (level <= dead) {
            return 0;
        }
        double within = (level - dead) / pAlive;
        int index = (int) Math.min(sorted.length - 1, Math.floor(within * sorted.length));
        return sorted[index];
    }
}
