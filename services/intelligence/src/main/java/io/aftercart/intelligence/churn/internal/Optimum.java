package io.aftercart.intelligence.churn.internal;

/**
 * The result of a maximum-likelihood fit.
 *
 * @param parameters  the estimates, in the model's natural scale
 * @param logLikelihood the log-likelihood at the estimates
 * @param converged   true if the optimiser met its tolerance within its budget and no estimate sits on a bound
 * @param evaluations how many times the likelihood was evaluated
 */
public record Optimum(double[] parameters, double logLikelihood, boolean converged, int evaluations) {
}
