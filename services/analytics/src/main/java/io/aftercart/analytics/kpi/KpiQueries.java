package io.aftercart.analytics.kpi;

import static io.aftercart.analytics.kpi.DaySums.Column.CANCELLATIONS;
import static io.aftercart.analytics.kpi.DaySums.Column.CANCELLED_VALUE;
import static io.aftercart.analytics.kpi.DaySums.Column.GROSS_REVENUE;
import static io.aftercart.analytics.kpi.DaySums.Column.ITEMS_RETURNED;
import static io.aftercart.analytics.kpi.DaySums.Column.ITEMS_RETURNED_VALUE;
import static io.aftercart.analytics.kpi.DaySums.Column.ITEMS_SOLD;
import static io.aftercart.analytics.kpi.DaySums.Column.ITEMS_SOLD_VALUE;
import static io.aftercart.analytics.kpi.DaySums.Column.KEPT_ORDERS;
import static io.aftercart.analytics.kpi.DaySums.Column.NET_REVENUE;
import static io.aftercart.analytics.kpi.DaySums.Column.NPS_DETRACTORS;
import static io.aftercart.analytics.kpi.DaySums.Column.NPS_PASSIVES;
import static io.aftercart.analytics.kpi.DaySums.Column.NPS_PROMOTERS;
import static io.aftercart.analytics.kpi.DaySums.Column.ORDERS;
import static io.aftercart.analytics.kpi.DaySums.Column.REFUNDED_VALUE;
import static io.aftercart.analytics.kpi.DaySums.Column.REFUNDS;
import static io.aftercart.analytics.kpi.DaySums.Column.TICKETS_OPENED;
import static io.aftercart.analytics.kpi.DaySums.Column.TICKETS_RESOLVED;

import io.aftercart.analytics.internal.CustomerHistories;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.store.ServiceStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The KPIs, read from the rollup tables only (never from the events table). Definitions: see
 * {@link io.aftercart.analytics.internal.RollupDelta} and each report.
 */
public class KpiQueries {

    private static final int MONEY_SCALE = 2;
    private static final int RATE_SCALE = 4;
    private static final String UNCATEGORISED = "uncategorised";

    private final JdbcClient jdbc;
    private final CurrencyConverter converter;

    public KpiQueries(ServiceStore store, CurrencyConverter converter) {
        this.jdbc = store.jdbc();
        this.converter = converter;
    }

    /** @param granularity WEEK or MONTH; @param metric {@code customers} or {@code revenue} */
    public CohortReport cohorts(Granularity granularity, String metric, KpiRange range) {
        boolean byRevenue = switch (metric) {
            case "customers" -> false;
            case "revenue" -> true;
            default -> throw new IllegalArgumentException("metric must be customers or revenue");
        };
        List<CohortReport.Cohort> cohorts = new ArrayList<>();
        for (CohortCells cohort : cohortCells(granularity, range)) {
            List<CohortReport.Period> periods = new ArrayList<>();
            for (int age = 0; age < cohort.customers.length; age++) {
                BigDecimal retention = byRevenue
                        ? ratio(cohort.revenue[age], cohort.revenue[0])
                        : ratio(BigDecimal.valueOf(cohort.customers[age]), BigDecimal.valueOf(cohort.customers[0]));
                periods.add(new CohortReport.Period(age, cohort.customers[age], money(cohort.revenue[age]), retention));
            }
            cohorts.add(new CohortReport.Cohort(granularity.start(cohort.index), cohort.customers[0],
                    money(cohort.revenue[0]), periods));
        }
        return new CohortReport(granularity, metric, range.from(), range.to(), converter.reportingCurrency(), cohorts,
                excluded(range));
    }

    public ClvReport clv(Granularity granularity, KpiRange range) {
        List<ClvReport.Cohort> cohorts = new ArrayList<>();
        for (CohortCells cohort : cohortCells(granularity, range)) {
            List<ClvReport.Age> ages = new ArrayList<>();
            BigDecimal cumulative = BigDecimal.ZERO;
            for (int age = 0; age < cohort.revenue.length; age++) {
                cumulative = cumulative.add(cohort.revenue[age]);
                ages.add(new ClvReport.Age(age, money(cumulative),
                        cumulative.divide(BigDecimal.valueOf(cohort.customers[0]), MONEY_SCALE, RoundingMode.HALF_UP)));
            }
            cohorts.add(new ClvReport.Cohort(granularity.start(cohort.index), cohort.customers[0], ages));
        }
        return new ClvReport(granularity, range.from(), range.to(), converter.reportingCurrency(), cohorts,
                excluded(range));
    }

    public RepeatPurchaseReport repeatPurchase(KpiRange range) {
        // one pass: the customers without a second order before the range's end make up the gap-less group
        long[] customers = new long[1];
        TreeMap<Integer, Long> customersByGap = new TreeMap<>();
        JdbcClient.StatementSpec query = range.isAll()
                ? jdbc.sql("SELECT CASE WHEN gap <> ? THEN gap END AS gap, customers FROM kpi_repeat_gap")
                        .param(CustomerHistories.NO_GAP)
                : jdbc.sql("SELECT CASE WHEN second_day < ? THEN second_day - first_day END AS gap,"
                                + " " + sumCount("customers") + " FROM kpi_acquisition"
                                + " WHERE first_day >= ? AND first_day < ? GROUP BY 1")
                        .params(range.toDay(), range.fromDay(), range.toDay());
        query.query(row -> {
            long count = row.getLong("customers");
            customers[0] += count;
            int gap = row.getInt("gap");
            if (!row.wasNull()) {
                customersByGap.merge(gap, count, Long::sum);
            }
        });
        WeightedPercentiles gaps = new WeightedPercentiles(customersByGap);
        RepeatPurchaseReport.DaysToSecondOrder days = new RepeatPurchaseReport.DaysToSecondOrder(gaps.count(),
                gaps.percentile(0.25), gaps.percentile(0.5), gaps.percentile(0.75));
        return new RepeatPurchaseReport(range.from(), range.to(), customers[0], gaps.count(),
                ratio(BigDecimal.valueOf(gaps.count()), BigDecimal.valueOf(customers[0])), days, excluded(range));
    }

    /** Customers are counted per whole period, so a week or month range widens to the periods it touches. */
    public OrdersReport orders(Granularity granularity, KpiRange range) {
        KpiRange periods = range.widenedTo(granularity);
        Map<Integer, long[]> customers = new TreeMap<>();
        jdbc.sql("SELECT period, customers, new_customers FROM kpi_active"
                        + " WHERE granularity = ? AND period >= ? AND period < ? AND customers > 0")
                .params(granularity.column(), periods.fromIndex(granularity), periods.toIndex(granularity))
                .query(row -> { customers.put(row.getInt("period"),
                        new long[] {row.getLong("customers"), row.getLong("new_customers")}); });
        List<OrdersReport.Period> rows = new ArrayList<>();
        dayTotals(granularity, periods, List.of(ORDERS, GROSS_REVENUE, REFUNDS, REFUNDED_VALUE, NET_REVENUE,
                KEPT_ORDERS, CANCELLATIONS, CANCELLED_VALUE)).forEach((index, totals) -> {
            long[] counts = customers.getOrDefault(index, new long[2]);
            BigDecimal netRevenue = totals.money(NET_REVENUE);
            if (totals.count(ORDERS) == 0 && totals.count(REFUNDS) == 0 && totals.count(CANCELLATIONS) == 0
                    && netRevenue.signum() == 0) {
                return;
            }
            long keptOrders = totals.count(KEPT_ORDERS);
            rows.add(new OrdersReport.Period(granularity.start(index), totals.count(ORDERS),
                    money(totals.money(GROSS_REVENUE)), money(totals.money(REFUNDED_VALUE)), money(netRevenue),
                    keptOrders == 0 ? null
                            : netRevenue.divide(BigDecimal.valueOf(keptOrders), MONEY_SCALE, RoundingMode.HALF_UP),
                    counts[0], counts[1], counts[0] - counts[1], totals.count(CANCELLATIONS),
                    money(totals.money(CANCELLED_VALUE))));
        });
        return new OrdersReport(granularity, periods.from(), periods.to(), converter.reportingCurrency(), rows,
                excluded(periods));
    }

    public NpsReport nps(Granularity granularity, KpiRange range) {
        List<NpsReport.Period> periods = new ArrayList<>();
        long[] total = new long[3];
        dayTotals(granularity, range, List.of(NPS_PROMOTERS, NPS_PASSIVES, NPS_DETRACTORS)).forEach((index, totals) -> {
            long promoters = totals.count(NPS_PROMOTERS);
            long passives = totals.count(NPS_PASSIVES);
            long detractors = totals.count(NPS_DETRACTORS);
            if (promoters + passives + detractors > 0) {
                periods.add(npsPeriod(granularity.start(index), promoters, passives, detractors));
                total[0] += promoters;
                total[1] += passives;
                total[2] += detractors;
            }
        });
        return new NpsReport(granularity, range.from(), range.to(), periods,
                npsPeriod(null, total[0], total[1], total[2]));
    }

    public SupportReport support(Granularity granularity, KpiRange range) {
        List<SupportReport.Period> periods = new ArrayList<>();
        long[] total = new long[2];
        dayTotals(granularity, range, List.of(TICKETS_OPENED, TICKETS_RESOLVED)).forEach((index, totals) -> {
            long opened = totals.count(TICKETS_OPENED);
            long resolved = totals.count(TICKETS_RESOLVED);
            if (opened > 0 || resolved > 0) {
                periods.add(new SupportReport.Period(granularity.start(index), opened, resolved));
                total[0] += opened;
                total[1] += resolved;
            }
        });
        SupportReport.TimeToResolution resolution = jdbc.sql("SELECT COUNT(*) AS tickets,"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_at - opened_at) AS p50,"
                        + " percentile_cont(0.9) WITHIN GROUP (ORDER BY resolved_at - opened_at) AS p90"
                        + " FROM kpi_ticket WHERE resolved_day >= ? AND resolved_day < ? AND opened_at IS NOT NULL"
                        + " AND resolved_at >= opened_at")
                .params(range.fromDay(), range.toDay())
                .query((row, n) -> new SupportReport.TimeToResolution(row.getLong("tickets"),
                        hours(nullableDouble(row, "p50")), hours(nullableDouble(row, "p90"))))
                .single();
        return new SupportReport(granularity, range.from(), range.to(), periods, total[0], total[1], resolution);
    }

    /**
     * @param by    {@code period}, {@code product} or {@code category}
     * @param limit at most this many rows per product or category
     */
    public ReturnsReport returns(String by, Granularity granularity, KpiRange range, int limit) {
        Map<Integer, DaySums> days = dayTotals(granularity, range, List.of(ITEMS_SOLD, ITEMS_SOLD_VALUE,
                ITEMS_RETURNED, ITEMS_RETURNED_VALUE, CANCELLATIONS, CANCELLED_VALUE, REFUNDS, REFUNDED_VALUE));
        List<ReturnsReport.Row> rows = switch (by) {
            case "period" -> days.entrySet().stream()
                    .filter(e -> e.getValue().count(ITEMS_SOLD) > 0 || e.getValue().count(ITEMS_RETURNED) > 0)
                    .map(e -> itemsRow(granularity.start(e.getKey()).toString(), e.getValue()))
                    .toList();
            case "product" -> productReturns("product_id", "MAX(category)", range, limit);
            case "category" -> productReturns("category", "NULL", range, limit);
            default -> throw new IllegalArgumentException("by must be period, product or category");
        };
        DaySums all = days.values().stream().reduce(DaySums.NONE, DaySums::plus);
        List<ReturnsReport.Reason> reasons = jdbc.sql("SELECT reason_code, " + sumCount("returns") + ", "
                        + sumCount("items") + " FROM kpi_return_reason WHERE day >= ? AND day < ? GROUP BY reason_code"
                        + " ORDER BY SUM(returns) DESC, reason_code LIMIT 10")
                .params(range.fromDay(), range.toDay())
                .query((row, n) -> new ReturnsReport.Reason(row.getString("reason_code"), row.getLong("returns"),
                        row.getLong("items")))
                .list();
        return new ReturnsReport(by, granularity, range.from(), range.to(), converter.reportingCurrency(), rows,
                itemsRow("total", all),
                new ReturnsReport.Money(all.count(CANCELLATIONS), money(all.money(CANCELLED_VALUE))),
                new ReturnsReport.Money(all.count(REFUNDS), money(all.money(REFUNDED_VALUE))), reasons,
                excluded(range));
    }

    public KpiExclusions excluded(KpiRange range) {
        List<KpiExclusions.Currency> currencies = jdbc.sql("SELECT currency, " + sumCount("events")
                        + " FROM kpi_excluded WHERE day >= ? AND day < ? GROUP BY currency ORDER BY currency")
                .params(range.fromDay(), range.toDay())
                .query((row, n) -> new KpiExclusions.Currency(row.getString("currency"), row.getLong("events"),
                        converter.missingRateReason(row.getString("currency"))))
                .list();
        return new KpiExclusions(currencies.stream().mapToLong(KpiExclusions.Currency::events).sum(), currencies);
    }

    private List<ReturnsReport.Row> productReturns(String key, String category, KpiRange range, int limit) {
        // product rollups are kept per month, per year and for all time: a range without bounds reads the all-time
        // rows; any other widens to the months it touches, and the whole years among them are read from the yearly
        // rows, the months before and after them from the monthly ones (a part with nothing to read is left out,
        // as PostgreSQL would scan the monthly rows for an empty range)
        String lines = "product_id, category, items_sold, items_sold_value, items_returned, items_returned_value";
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (range.isAll()) {
            parts.add("SELECT " + lines + " FROM kpi_product_total");
        } else {
            int fromMonth = range.from() == null ? Integer.MIN_VALUE : Granularity.MONTH.index(range.from());
            int toMonth = range.to() == null ? Integer.MAX_VALUE
                    : Granularity.MONTH.index(range.to().minusDays(1)) + 1;
            WholePeriods years = WholePeriods.of(fromMonth, toMonth, 12);
            addPart(parts, params, "SELECT " + lines + " FROM kpi_product_year WHERE year >= ? AND year < ?",
                    years.coarseFrom(), years.coarseTo());
            String months = "SELECT " + lines + " FROM kpi_product_month WHERE month >= ? AND month < ?";
            addPart(parts, params, months, years.fineFrom(), years.headTo());
            addPart(parts, params, months, years.tailFrom(), years.fineTo());
        }
        params.add(limit);
        return jdbc.sql("SELECT " + key + " AS k, " + category + " AS category, " + sumCount("items_sold") + ", "
                        + sumMoney("items_sold_value") + ", " + sumCount("items_returned") + ", "
                        + sumMoney("items_returned_value") + " FROM (" + String.join(" UNION ALL ", parts)
                        + ") AS product_sums GROUP BY " + key
                        + " ORDER BY SUM(items_returned_value) DESC, SUM(items_returned) DESC, " + key + " LIMIT ?")
                .params(params)
                .query((row, n) -> returnsRow(
                        key.equals("category") ? categoryName(row.getString("k")) : row.getString("k"),
                        row.getString("category") == null || row.getString("category").isEmpty()
                                ? null : row.getString("category"),
                        row.getLong("items_sold"), row.getBigDecimal("items_sold_value"), row.getLong("items_returned"),
                        row.getBigDecimal("items_returned_value")))
                .list();
    }

    /** Adds the query of rollup rows from {@code from} to {@code to} (exclusive), unless that range is empty. */
    private static void addPart(List<String> parts, List<Object> params, String sql, int from, int to) {
        if (from < to) {
            parts.add(sql);
            params.add(from);
            params.add(to);
        }
    }

    /** A customer's acquisition period and, per period since, the cohort's active customers and revenue. */
    private record CohortCells(int index, long[] customers, BigDecimal[] revenue) {
    }

    /**
     * The cohorts of the customers whose first order falls in the range, with their activity in every period up to
     * the one of the last order before the range's end (counted for that whole period).
     */
    private List<CohortCells> cohortCells(Granularity granularity, KpiRange range) {
        if (granularity == Granularity.DAY) {
            throw new IllegalArgumentException("cohorts are by week or month");
        }
        Integer lastDay = jdbc.sql("SELECT MAX(period) AS last_day FROM kpi_active"
                        + " WHERE granularity = ? AND period < ? AND customers > 0")
                .params(Granularity.DAY.column(), range.toDay())
                .query((row, n) -> row.getObject("last_day") == null ? null : row.getInt("last_day")).list().get(0);
        if (lastDay == null) {
            return List.of();
        }
        int lastPeriod = granularity.index(LocalDate.ofEpochDay(lastDay));
        Map<Integer, CohortCells> cohorts = new LinkedHashMap<>();
        jdbc.sql("SELECT cohort, period - cohort AS age, " + sumCount("customers") + ", " + sumMoney("revenue")
                        + " FROM kpi_cohort WHERE granularity = ? AND cohort_day >= ? AND cohort_day < ?"
                        + " AND period <= ?"
                        + " GROUP BY cohort, period HAVING SUM(customers) > 0 ORDER BY cohort, period")
                .params(granularity.column(), range.fromDay(), range.toDay(), lastPeriod)
                .query(row -> {
                    int cohort = row.getInt("cohort");
                    CohortCells cells = cohorts.computeIfAbsent(cohort, index -> {
                        int ages = lastPeriod - index + 1;
                        BigDecimal[] revenue = new BigDecimal[ages];
                        Arrays.fill(revenue, BigDecimal.ZERO);
                        return new CohortCells(index, new long[ages], revenue);
                    });
                    int age = row.getInt("age");
                    cells.customers[age] = row.getLong("customers");
                    cells.revenue[age] = row.getBigDecimal("revenue");
                });
        return new ArrayList<>(cohorts.values());
    }

    /** The columns of kpi_day summed per period of the range. */
    private Map<Integer, DaySums> dayTotals(Granularity granularity, KpiRange range, List<DaySums.Column> columns) {
        String period = granularity.column();
        String sums = columns.stream().map(column -> column.money ? sumMoney(column.sqlName())
                : sumCount(column.sqlName())).collect(Collectors.joining(", "));
        Map<Integer, DaySums> totals = new TreeMap<>();
        jdbc.sql("SELECT " + period + " AS period, " + sums + " FROM kpi_day WHERE day >= ? AND day < ?"
                        + " GROUP BY " + period)
                .params(range.fromDay(), range.toDay())
                .query(row -> { totals.put(row.getInt(1), DaySums.read(row, 2, columns)); });
        return totals;
    }

    /**
     * {@code SUM(column) AS column} as a BIGINT: a sum widens to a 128-bit integer (DuckDB) or NUMERIC (PostgreSQL),
     * which the JDBC drivers read through BigInteger or text, several times slower than a long.
     */
    private static String sumCount(String column) {
        return "CAST(SUM(" + column + ") AS BIGINT) AS " + column;
    }

    /**
     * {@code SUM(column) AS column} for a money column, left at the sum's own precision: a period's total may exceed
     * what one DECIMAL(18,6) row holds (10^12 in the reporting currency).
     */
    private static String sumMoney(String column) {
        return "SUM(" + column + ") AS " + column;
    }

    private static NpsReport.Period npsPeriod(LocalDate start, long promoters, long passives, long detractors) {
        long responses = promoters + passives + detractors;
        BigDecimal nps = responses == 0 ? null : BigDecimal.valueOf((promoters - detractors) * 100)
                .divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
        return new NpsReport.Period(start, responses, promoters, passives, detractors, nps);
    }

    private static ReturnsReport.Row itemsRow(String key, DaySums sums) {
        return returnsRow(key, null, sums.count(ITEMS_SOLD), sums.money(ITEMS_SOLD_VALUE), sums.count(ITEMS_RETURNED),
                sums.money(ITEMS_RETURNED_VALUE));
    }

    private static ReturnsReport.Row returnsRow(String key, String category, long sold, BigDecimal soldValue,
            long returned, BigDecimal returnedValue) {
        return new ReturnsReport.Row(key, category, sold, money(soldValue), returned, money(returnedValue),
                ratio(BigDecimal.valueOf(returned), BigDecimal.valueOf(sold)), ratio(returnedValue, soldValue));
    }

    private static String categoryName(String category) {
        return category.isEmpty() ? UNCATEGORISED : category;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, RATE_SCALE, RoundingMode.HALF_UP);
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(seconds / 3600).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
