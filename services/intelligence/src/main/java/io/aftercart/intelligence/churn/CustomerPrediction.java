package io.aftercart.intelligence.churn;

import java.time.LocalDate;

/**
 * A customer's churn and lifetime-value prediction, as published on {@code aftercart.predictions} and answered by
 * {@code GET /api/v1/customers/{id}/predictions}. Money is in {@code currency} (that of the latest order); values
 * are null when the model cannot give them, and {@code reason} then says why.
 *
 * @param customerId            the customer
 * @param modelVersion          the model version that scored him, null without a fitted model
 * @param status                {@code SCORED} or {@code INSUFFICIENT_DATA}
 * @param reason                why some values are missing, or null
 * @param asOf                  the day the prediction refers to (the end of the customer's history)
 * @param pAlive                probability that he is still an active customer
 * @param churnProbability      1 - pAlive
 * @param expectedPurchases     purchase days expected within {@code horizonDays}
 * @param horizonDays           horizon of {@code expectedPurchases}
 * @param expectedNextOrderDate median date of his next order if he is still active
 * @param expectedAverageSpend  expected net value of his future orders (Gamma-Gamma)
 * @param clv                   discounted value expected within {@code clvHorizonDays}
 * @param clvLow                lower bound of the CLV interval (see the model's {@code clvIntervalLevel})
 * @param clvHigh               upper bound of the CLV interval
 * @param clvHorizonDays        horizon of the CLV
 * @param pastValue             net value of all his orders so far
 * @param atRisk                high past value and P(alive) below the at-risk threshold
 * @param currency              currency of the money values, null if orders gave none
 */
public record CustomerPrediction(String customerId, Long modelVersion, String status, String reason, LocalDate asOf,
        Double pAlive, Double churnProbability, Double expectedPurchases, int horizonDays,
        LocalDate expectedNextOrderDate, Double expectedAverageSpend, Double clv, Double clvLow, Double clvHigh,
        int clvHorizonDays, double pastValue, boolean atRisk, String currency) {

    public static final String SCORED = "SCORED";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";
}
