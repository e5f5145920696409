package io.aftercart.intelligence.churn.internal;

/**
 * The Gauss hypergeometric function as it appears in the BG/NBD expectations: {@code (1-z)^A * 2F1(A, B; C; z)}
 * for {@code 0 <= z < 1}. The power series is summed with its terms rescaled whenever they grow large, so the
 * prefactor (tiny) and the series (huge) meet only as logarithms and neither overflows nor underflows.
 */
final class Hypergeometric {

    private static final int MAX_TERMS = 2_000_000;
    private static final double RESCALE_ABOVE = 1e250;
    private static final double LOG_RESCALE = Math.log(RESCALE_ABOVE);

    private Hypergeometric() {
    }

    /**
     * @param logPrefactor the logarithm of the factor the series is multiplied by
     * @return {@code exp(logPrefactor) * 2F1(a, b; c; z)}
     * @throws ArithmeticException if the series does not converge (z too close to 1 for the term budget)
     */
    static double scaled(double a, double b, double c, double z, double logPrefactor) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("z must lie in [0, 1): " + z);
        }
        double term = 1;
        double sum = 1;
        double logScale = 0;
        for (int k = 0; k < MAX_TERMS; k++) {
            double ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (Math.abs(sum) > RESCALE_ABOVE) {
                sum /= RESCALE_ABOVE;
                term /= RESCALE_ABOVE;
                logScale += LOG_RESCALE;
            }
            // terms decrease from here on once the ratio is below 1 and c + k is positive
            if (Math.abs(term) <= 1e-16 * Math.abs(sum) && Math.abs(ratio) < 1 && c + k > 0) {
                return Math.copySign(Math.exp(logPrefactor + logScale + Math.log(Math.abs(sum))), sum);
            }
        }
        throw new ArithmeticException("hypergeometric series did not converge for z = " + z);
    }
}
