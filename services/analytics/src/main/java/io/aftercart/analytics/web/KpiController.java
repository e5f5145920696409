package io.aftercart.analytics.web;

import io.aftercart.analytics.kpi.ClvReport;
import io.aftercart.analytics.kpi.CohortReport;
import io.aftercart.analytics.kpi.Granularity;
import io.aftercart.analytics.kpi.KpiQueries;
import io.aftercart.analytics.kpi.KpiRange;
import io.aftercart.analytics.kpi.NpsReport;
import io.aftercart.analytics.kpi.OrdersReport;
import io.aftercart.analytics.kpi.RepeatPurchaseReport;
import io.aftercart.analytics.kpi.ReturnsReport;
import io.aftercart.analytics.kpi.SupportReport;
import io.aftercart.platform.web.BadInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPI API. Every endpoint takes {@code from} (inclusive) and {@code to} (exclusive) as ISO dates of the reporting
 * time zone, both optional; parameters are taken as text and checked here, so every bad value is answered as a 400
 * problem naming the parameter. Answers come from the rollup tables only.
 */
@RestController
@RequestMapping("/api/v1/kpis")
public class KpiController {

    private static final int DEFAULT_ROWS = 50;
    private static final int MAX_ROWS = 1000;

    private final KpiQueries queries;

    public KpiController(KpiQueries queries) {
        this.queries = queries;
    }

    /** {@code granularity=month|week} (default month), {@code metric=customers|revenue} (default customers). */
    @GetMapping("/cohorts")
    public CohortReport cohorts(@RequestParam(required = false) String granularity,
            @RequestParam(required = false) String metric, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String chosenMetric = oneOf("metric", metric, "customers", Set.of("customers", "revenue"));
        return queries.cohorts(cohortGranularity(granularity), chosenMetric, range(from, to));
    }

    /** Cumulative revenue per customer by cohort and age; {@code granularity=month|week} (default month). */
    @GetMapping("/clv")
    public ClvReport clv(@RequestParam(required = false) String granularity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return queries.clv(cohortGranularity(granularity), range(from, to));
    }

    @GetMapping("/repeat-purchase")
    public RepeatPurchaseReport repeatPurchase(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return queries.repeatPurchase(range(from, to));
    }

    /** {@code granularity=day|week|month} (default month). */
    @GetMapping("/orders")
    public OrdersReport orders(@RequestParam(required = false) String granularity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return queries.orders(granularity(granularity), range(from, to));
    }

    @GetMapping("/nps")
    public NpsReport nps(@RequestParam(required = false) String granularity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return queries.nps(granularity(granularity), range(from, to));
    }

    /** {@code by=period|product|category} (default period), {@code limit} rows per product or category (default 50). */
    @GetMapping("/returns")
    public ReturnsReport returns(@RequestParam(required = false) String by,
            @RequestParam(required = false) String granularity, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String chosenBy = oneOf("by", by, "period", Set.of("period", "product", "category"));
        return queries.returns(chosenBy, granularity(granularity), range(from, to), limit(limit));
    }

    @GetMapping("/support")
    public SupportReport support(@RequestParam(required = false) String granularity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return queries.support(granularity(granularity), range(from, to));
    }

    private static KpiRange range(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw bad("to", "to must be after from");
        }
        return new KpiRange(start, end);
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw bad(name, name + " must be an ISO date such as 2025-01-31");
        }
    }

    private static Granularity granularity(String text) {
        if (text == null || text.isBlank()) {
            return Granularity.MONTH;
        }
        try {
            return Granularity.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad("granularity", "granularity must be day, week or month");
        }
    }

    private static Granularity cohortGranularity(String text) {
        Granularity granularity = granularity(text);
        if (granularity == Granularity.DAY) {
            throw bad("granularity", "cohorts are by week or month");
        }
        return granularity;
    }

    private static String oneOf(String name, String text, String fallback, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(text.trim())) {
            throw bad(name, name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return text.trim();
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_ROWS;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_ROWS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw bad("limit", "limit must be a whole number from 1 to " + MAX_ROWS);
    }

    private static BadInputException bad(String parameter, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid query parameter", detail, parameter);
    }
}
