package io.aftercart.analytics.kpi;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The calendar periods KPIs are reported in, as whole numbers so that "periods since first order" is a subtraction:
 * a day is its epoch day, a week starts on Monday and is numbered from Monday 1969-12-29, a month is
 * {@code year * 12 + month - 1}. Dates are those of the reporting time zone.
 */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** 1970-01-01 was a Thursday: shifting by three days makes weeks start on Monday. */
    private static final int MONDAY_SHIFT = 3;

    /** The column of the rollup tables that holds this period's number. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int index(LocalDate date) {
        return switch (this) {
            case DAY -> Math.toIntExact(date.toEpochDay());
            case WEEK -> Math.toIntExact(Math.floorDiv(date.toEpochDay() + MONDAY_SHIFT, 7));
            case MONTH -> date.getYear() * 12 + date.getMonthValue() - 1;
        };
    }

    /** The first day of the period numbered {@code index}. */
    public LocalDate start(int index) {
        return switch (this) {
            case DAY -> LocalDate.ofEpochDay(index);
            case WEEK -> LocalDate.ofEpochDay(index * 7L - MONDAY_SHIFT);
            case MONTH -> LocalDate.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1, 1);
        };
    }

    /** @throws IllegalArgumentException for anything but day, week or month (any case) */
    public static Granularity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
