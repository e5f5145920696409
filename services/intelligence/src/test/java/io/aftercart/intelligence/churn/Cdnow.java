package io.aftercart.intelligence.churn;

import io.aftercart.intelligence.churn.internal.Purchase;
import io.aftercart.intelligence.churn.internal.PurchaseSummaries;
import io.aftercart.platform.testing.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The CDNOW sample (Fader, Hardie and Lee 2005) as purchase summaries at the end of the 39-week calibration. */
final class Cdnow {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final double WEEK = 7;

    private Cdnow() {
    }

    /** Summaries by sample id (1..2357), built from the transactions with the production summary code. */
    static Map<Integer, PurchaseSummary> calibrationSummaries() {
        Map<Integer, List<Purchase>> byCustomer = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(ReferenceData.path("cdnow/CDNOW_sample.txt"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                LocalDate day = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
                if (!day.isAfter(CALIBRATION_END)) {
                    byCustomer.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>())
                            .add(new Purchase(day, new BigDecimal(f[4]), "USD"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, PurchaseSummary> summaries = new TreeMap<>();
        byCustomer.forEach((id, purchases) ->
                summaries.put(id, PurchaseSummaries.summarize(String.valueOf(id), purchases)));
        return summaries;
    }

    /** The published summary file {@code ID,x,t_x,T,zbar}, by id. */
    static Map<Integer, double[]> publishedSummary() {
        Map<Integer, double[]> rows = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(
                    ReferenceData.path("cdnow/cdnow_customers_summary_with_transactions.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split(",");
                rows.put(Integer.parseInt(f[0]), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
