package io.aftercart.analytics.kpi;

/**
 * A range of fine units (months) cut into the whole coarse periods of {@code length} units it covers (years) and the
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

    /** Coarse period {@code p} holds the fine units {@code p * length} to {@code (p + 1) * length - 1}. */
    static WholePeriods of(int fineFrom, int fineTo, int length) {
        int coarseFrom = fineFrom == Integer.MIN_VALUE ? Integer.MIN_VALUE : -Math.floorDiv(-fineFrom, length);
        // the period holding the range's end starts at or before it: all before it are whole
        int coarseTo = fineTo == Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.floorDiv(fineTo, length);
        if (coarseFrom >= coarseTo) {
            return new WholePeriods(coarseFrom, coarseFrom, fineFrom, fineTo, fineTo, fineTo);
        }
        return new WholePeriods(coarseFrom, coarseTo, fineFrom,
                coarseFrom == Integer.MIN_VALUE ? fineFrom : coarseFrom * length,
                coarseTo == Integer.MAX_VALUE ? fineTo : coarseTo * length, fineTo);
    }
}
