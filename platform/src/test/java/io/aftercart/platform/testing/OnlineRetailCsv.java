package io.aftercart.platform.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The rows of the UCI Online Retail transactions (reference data README §3), parsed as they are: what a row means
 * (an order, a cancellation, an adjustment) is left to each reader.
 */
public final class OnlineRetailCsv {

    /** The transactions until 2011-09, the file the published figures are computed on. */
    public static final String UNTIL_2011_09 = "online_retail/online_retail_until_2011-09.csv.gz";

    /**
     * One CSV row. {@code customerId} is null where the file has none; {@code description} is as written (may be
     * empty); {@code invoiceDate} is the retailer's wall clock.
     */
    public record Row(String invoice, String stockCode, String description, long quantity, LocalDateTime invoiceDate,
            BigDecimal unitPrice, String customerId, String country) {

        /** {@code C} invoices are cancellations, the file's only returns signal. */
        public boolean isCancellation() {
            return invoice.startsWith("C");
        }

        /** An ordinary invoice number (not a cancellation nor an {@code A} bad-debt adjustment). */
        public boolean isPurchase() {
            return Character.isDigit(invoice.charAt(0));
        }
    }

    private OnlineRetailCsv() {
    }

    /** Every row of {@link #UNTIL_2011_09} in the reference data. */
    public static List<Row> read() {
        return read(ReferenceData.path(UNTIL_2011_09));
    }

    /** Every row of a gzipped file in the Online Retail layout, header skipped. */
    public static List<Row> read(Path gzippedCsv) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzippedCsv), 1 << 16), StandardCharsets.UTF_8))) {
            reader.readLine();
            List<Row> rows = new ArrayList<>(400_000);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = fields(line);
                rows.add(new Row(f[0], f[1], f[2], Long.parseLong(f[3]), LocalDateTime.parse(f[4].replace(' ', 'T')),
                        new BigDecimal(f[5]), f[6].isEmpty() ? null : f[6], f[7]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + gzippedCsv, e);
        }
    }

    /** The 8 fields of one line: only Description is quoted (RFC 4180, {@code ""} inside); no field spans lines. */
    static String[] fields(String line) {
        String[] fields = new String[8];
        int field = 0;
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields[field++] = current.toString();
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields[field] = current.toString();
        return fields;
    }
}
