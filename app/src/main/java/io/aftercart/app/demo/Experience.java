package io.aftercart.app.demo;

/** What went wrong (or not) with one order; drives ratings, NPS, tickets and the words customers use. */
record Experience(boolean late, boolean damaged, boolean wrongSize, boolean defective, boolean returned,
                  boolean poorSupport) {

    /** How much worse than a smooth order this felt, roughly in rating stars. */
    double penalty() {
        return (late ? 1.0 : 0) + (damaged ? 2.0 : 0) + (wrongSize ? 0.8 : 0) + (defective ? 2.4 : 0)
                + (returned ? 0.4 : 0) + (poorSupport ? 1.2 : 0);
    }
}
