package io.aftercart.intelligence.churn.internal;

import java.util.SplittableRandom;

/** Gamma(shape, 1) and Beta variates (Marsaglia and Tsang 2000), cheap enough to draw millions. */
final class GammaSampler {

    private GammaSampler() {
    }

    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            // Gamma(k) = Gamma(k + 1) * U^(1/k)
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = gaussian(random);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    static double beta(double a, double b, SplittableRandom random) {
        double x = gamma(a, random);
        return x / (x + gamma(b, random));
    }

    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
