package io.aftercart.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/** The few distributions the simulation needs, on a seeded {@link SplittableRandom} so everything is reproducible. */
final class Randoms {

    private Randoms() {
    }

    static boolean chance(SplittableRandom rng, double probability) {
        return rng.nextDouble() < probability;
    }

    static <T> T pick(SplittableRandom rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    static int weightedIndex(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    static double between(SplittableRandom rng, double min, double max) {
        return min + rng.nextDouble() * (max - min);
    }

    static double exponential(SplittableRandom rng, double mean) {
        return -mean * Math.log(1 - rng.nextDouble());
    }

    static double normal(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Marsaglia–Tsang; shapes below 1 use the u^(1/shape) boost. */
    static double gamma(SplittableRandom rng, double shape, double scale) {
        if (shape < 1) {
            return gamma(rng, shape + 1, scale) * Math.pow(1 - rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(rng), v = Math.pow(1 + c * x, 3);
            if (v <= 0) continue;
            double u = 1 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
        }
    }

    static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a, 1), y = gamma(rng, b, 1);
        return x / (x + y);
    }

    static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
