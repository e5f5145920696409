package io.aftercart.analytics.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Net Promoter Score per period and over the whole range (periods without responses are left out). */
public record NpsReport(Granularity granularity, LocalDate from, LocalDate to, List<Period> periods, Period total) {

    /**
     * @param start the period's first day (null for the total)
     * @param nps   (promoters - detractors) / responses in percent, to one decimal; null without responses
     */
    public record Period(LocalDate start, long responses, long promoters, long passives, long detractors,
            BigDecimal nps) {
    }
}
