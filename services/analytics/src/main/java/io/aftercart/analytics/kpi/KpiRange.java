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

    int fromDay() {
        return from == null ? Integer.MIN_VALUE : Granularity.DAY.index(from);
    }

    int toDay() {
        return to == null ? Integer.MAX_VALUE : Granularity.DAY.index(to);
    }
}
