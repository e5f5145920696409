package io.aftercart.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's printed table: figure, value, target, and whether the target is met. */
public final class ResultTable {

    private record Row(String figure, String value, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure with a target. */
    public void add(String figure, String value, String target, boolean met) {
        rows.add(new Row(figure, value, target, met ? "yes" : "NO"));
    }

    /** A figure without a target, shown for context. */
    public void add(String figure, String value) {
        rows.add(new Row(figure, value, "", ""));
    }

    public String render() {
        int[] widths = {"figure".length(), "value".length(), "target".length(), "met?".length()};
        for (Row row : rows) {
            widths[0] = Math.max(widths[0], row.figure.length());
            widths[1] = Math.max(widths[1], row.value.length());
            widths[2] = Math.max(widths[2], row.target.length());
        }
        String format = "| %-" + widths[0] + "s | %" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3]
                + "s |%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "figure", "value", "target", "met?"));
        out.append(String.format(Locale.ROOT, format, "-".repeat(widths[0]), "-".repeat(widths[1]),
                "-".repeat(widths[2]), "-".repeat(widths[3])));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, format, row.figure, row.value, row.target, row.met));
        }
        return out.toString();
    }

    public static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
