package io.aftercart.intelligence.churn.internal;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood of positive parameters with commons-math's BOBYQA on their logarithms, within bounds
 * (so no parameter can reach 0 or run away). Non-finite likelihoods count as minus infinity's stand-in, so the
 * optimiser steps back from regions where the model is undefined.
 */
final class LogScaleMaximizer {

    private static final double LOWER = Math.log(1e-6);
    private static final double UPPER = Math.log(1e6);
    private static final int MAX_EVALUATIONS = 20_000;

    private LogScaleMaximizer() {
    }

    static Optimum maximize(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        int n = start.length;
        double[] logStart = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            logStart[i] = Math.log(start[i]);
            lower[i] = LOWER;
            upper[i] = UPPER;
        }
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(logParams -> {
            evaluations[0]++;
            double value = logLikelihood.applyAsDouble(exp(logParams));
            return Double.isFinite(value) ? value : -1e300;
        });
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-10);
        try {
            PointValuePair best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                    new InitialGuess(logStart), new SimpleBounds(lower, upper));
            double[] point = best.getPoint();
            return new Optimum(exp(point), best.getValue(), insideBounds(point), evaluations[0]);
        } catch (TooManyEvaluationsException e) {
            return new Optimum(start.clone(), Double.NaN, false, evaluations[0]);
        }
    }

    private static boolean insideBounds(double[] logParams) {
        for (double v : logParams) {
            if (v <= LOWER + 1e-6 || v >= UPPER - 1e-6) {
                return false;
            }
        }
        return true;
    }

    private static double[] exp(double[] logParams) {
        double[] params = new double[logParams.length];
        for (int i = 0; i < params.length; i++) {
            params[i] = Math.exp(logParams[i]);
        }
        return params;
    }
}
