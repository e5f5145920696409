package io.aftercart.analytics.kpi;

import java.util.function.IntUnaryOperator;

/**
 * A range of fine units (days, months) cut into the whole coarse periods it covers (weeks or months, years) and the
 * fine units before and after them, so that a query sums the coarse rollup over the former and the fine one over the
 * latter. Every bound is inclusive-exclusive; an open end ({@link Integer#MIN_VALUE} or {@link Integer#MAX_VALUE})
 * stays open, and a range without a whole period is all fine units.
 *
 * @param coarseFrom the first whole period
 * @param coarseTo   the period after the last whole one
 * @param fineFrom   the first fine unit before the whole periods
 * @param headTo     the fine unit where the whole periods start (= {@code fineFrom} when none is before them)
 * @param tailFrom   the fine unit where the whole periods end
 * @param fineTo     the fine unit after the range
 */
record WholePeriods(int coarseFrom, int coarseTo, int fineFrom, int headTo, int tailFrom, int fineTo) {

    /**
     * @param periodOf the coarse period a fine unit falls in
     * @param startOf  the first fine unit of a coarse period
     */
    static WholePeriods of(int fineFrom, int fineTo, IntUnaryOperator periodOf, IntUnaryOperator startOf) {
        int coarseFrom = Integer.MIN_VALUE;
        if (fineFrom != Integer.MIN_VALUE) {
            int period = periodOf.applyAsInt(fineFrom);
            coarseFrom = startOf.applyAsInt(period) == fineFrom ? period : period + 1;
        }
        // the period holding the range's end started at or before it: all before it are whole
        int coarseTo = fineTo == Integer.MAX_VALUE ? Integer.MAX_VALUE : periodOf.applyAsInt(fineTo);
        if (coarseFrom >= coarseTo) {
            return new WholePeriods(coarseFrom, coarseFrom, fineFrom, fineTo, fineTo, fineTo);
        }
        return new WholePeriods(coarseFrom, coarseTo, fineFrom,
                coarseFrom == Integer.MIN_VALUE ? fineFrom : startOf.applyAsInt(coarseFrom),
                coarseTo == Integer.MAX_VALUE ? fineTo : startOf.applyAsInt(coarseTo), fineTo);
    }
}
