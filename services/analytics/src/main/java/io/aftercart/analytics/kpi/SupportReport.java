package io.aftercart.analytics.kpi;

import java.time.LocalDate;
import java.util.List;

/** Support tickets opened and resolved per period, and how long the tickets resolved in the range took. */
public record SupportReport(Granularity granularity, LocalDate from, LocalDate to, List<Period> periods,
        long opened, long resolved, TimeToResolution timeToResolution) {

    public record Period(LocalDate start, long opened, long resolved) {
    }

    /**
     * Over tickets whose (last) resolution falls in the range and whose opening is known: hours from the first
     * Support Ticket Opened to the last Support Ticket Resolved, percentiles by linear interpolation, to two decimals.
     */
    public record TimeToResolution(long tickets, Double medianHours, Double p90Hours) {
    }
}
