package io.aftercart.intelligence.churn.internal;

/**
 * A fitted model version ready to score.
 *
 * @param version              the model version
 * @param bgNbd                purchase and drop-out model, time in days
 * @param spend                spend model, or null when it could not be fitted ({@code spendGap} says why)
 * @param spendGap             why there is no spend model, or null
 * @param atRiskValueThreshold past value from which a customer counts as valuable
 * @param atRiskPAlive         P(alive) below which a valuable customer is at risk
 */
public record ScoringModel(long version, BgNbd bgNbd, GammaGamma spend, String spendGap, double atRiskValueThreshold,
        double atRiskPAlive) {
}
