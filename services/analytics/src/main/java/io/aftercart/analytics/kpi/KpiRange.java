package io.aftercart.analytics.kpi;

import java.time.LocalDate;

/**
 * The days a KPI query covers, in the reporting time zone: {@code from} inclusive, {@code to} exclusive; either may
 * be null for no bound.
 */
public record KpiRange(LocalDate from, LocalDate to) {

    public KpiRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("to must be after from");
        }
    }

    public static KpiRange all() {
        return new KpiRange(null, null);
    }

    /** Whether the range has no bound: all time. */
    public boolean isAll() {
        return from == null && to == null;
    }

    /** The range grown to whole periods: from the start of {@code from}'s period to the end of {@code to - 1}'s. */
    public KpiRange widenedTo(Granularity granularity) {
        return new KpiRange(from == null ? null : granularity.start(granularity.index(from)),
                to == null ? null : granularity.start(granularity.index(to.minusDays(1)) + 1));
    }

    /** The number of the period {@code from} falls in; the smallest int without a bound. */
    int fromIndex(Granularity granularity) {
        return from == null ? Integer.MIN_VALUE : granularity.index(from);
    }

    /** The number of the period {@code to} falls in (exclusive once widened); the largest int without a bound. */
    int toIndex(Granularity granularity) {
        return to == null ? Integer.MAX_VALUE : granularity.index(to);
    }

    int fromDay() {
        return from == null ? Integer.MIN_VALUE : Granularity.DAY.index(from);
    }

    int toDay() {
        return to == null ? Integer.MAX_VALUE : Granularity.DAY.index(to);
    }
}
