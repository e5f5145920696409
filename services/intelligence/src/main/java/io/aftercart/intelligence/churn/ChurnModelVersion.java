package io.aftercart.intelligence.churn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One fit of the churn and lifetime-value models, kept as a version whatever its outcome.
 *
 * @param version              increasing number
 * @param status               {@code FITTED} (in use), {@code NOT_CONVERGED} or {@code INSUFFICIENT_DATA}
 * @param reason               why the fit is not usable, or null
 * @param fittedAt             when the fit ran
 * @param dataCutoff           the day the customers' ages were measured to
 * @param customers            customers with at least one purchase
 * @param repeatCustomers      customers with at least one repeat purchase day
 * @param fitMillis            time taken by the fit
 * @param purchaseModel        BG/NBD estimates (time in days), null without enough data
 * @param spendModel           Gamma-Gamma estimates, null when not fitted; not used when not converged
 *                             ({@code spendReason} says why)
 * @param spendReason          why there is no spend model, or null
 * @param atRiskValueThreshold past value from which a customer counts as valuable (the configured percentile)
 * @param atRiskPAlive         P(alive) below which a valuable customer is at risk
 * @param calibration          actual against expected customers and repeat purchases by repeat-purchase count
 */
public record ChurnModelVersion(long version, String status, String reason, Instant fittedAt, LocalDate dataCutoff,
        long customers, long repeatCustomers, long fitMillis, PurchaseModel purchaseModel, SpendModel spendModel,
        String spendReason, double atRiskValueThreshold, double atRiskPAlive, List<FrequencyBucket> calibration) {

    public static final String FITTED = "FITTED";
    public static final String NOT_CONVERGED = "NOT_CONVERGED";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    public boolean usable() {
        return FITTED.equals(status);
    }

    /** BG/NBD: λ ~ Gamma(r, alpha) purchases per day while active; drop-out p ~ Beta(a, b) after each purchase. */
    public record PurchaseModel(double r, double alpha, double a, double b, double logLikelihood, boolean converged,
            int evaluations) {
    }

    /** Gamma-Gamma: spend per order Gamma(p, ν), ν ~ Gamma(q, gamma); fitted on {@code customers} repeat buyers. */
    public record SpendModel(double p, double q, double gamma, double logLikelihood, boolean converged,
            long customers) {
    }

    /**
     * In-sample fit by repeat purchases x (the last bucket is "7+"): customers and repeat purchases as observed and
     * as the model expects them, Σ P(X(T_i) = x) over customers of age T_i.
     */
    public record FrequencyBucket(String repeatPurchases, long customers, double expectedCustomers,
            long actualRepeatPurchases, double expectedRepeatPurchases) {
    }
}
