package io.aftercart.analytics.kpi;

import java.util.List;

/**
 * Money events in the range that no KPI counts, because their currency has no configured rate (they are never
 * summed as if they were in the reporting currency).
 *
 * @param events     how many in all
 * @param currencies per currency, with the reason and the setting that would include them
 */
public record KpiExclusions(long events, List<Currency> currencies) {

    public record Currency(String currency, long events, String reason) {
    }
}
