package io.aftercart.intelligence.recommend;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.intelligence.churn.ReferenceData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * UCI Online Retail (data README §3) as canonical events, one per invoice of a known customer: an invoice becomes
 * {@code Order Completed} with a line per row; a {@code C} invoice (cancellation, the dataset's only returns signal)
 * becomes {@code Product Returned} with the quantities made positive. Rows without a customer id cannot be tied to
 * anyone and are skipped, as are rows of ordinary invoices with a quantity below 1 (adjustments). Invoice times are
 * the retailer's wall clock, read as UTC.
 */
public final class OnlineRetailOrders {

    public static final String FILE = "online_retail/online_retail_until_2011-09.csv.gz";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One invoice's event, with what the evaluation needs to split and score it without re-reading the JSON. */
    public record Invoice(CanonicalEvent event, String customerId, Instant time, boolean cancellation,
            List<String> productIds) {
    }

    private OnlineRetailOrders() {
    }

    public static List<Invoice> read() {
        return read(ReferenceData.file(FILE));
    }

    public static List<Invoice> read(Path file) {
        Map<String, List<String[]>> rowsByInvoice = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] row = fields(line);
                if (!row[6].isEmpty()) {
                    rowsByInvoice.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Invoice> invoices = new ArrayList<>(rowsByInvoice.size());
        rowsByInvoice.forEach((number, rows) -> {
            Invoice invoice = invoice(number, rows);
            if (invoice != null) {
                invoices.add(invoice);
            }
        });
        return invoices;
    }

    private static Invoice invoice(String number, List<String[]> rows) {
        boolean cancellation = number.startsWith("C");
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", number);
        if (cancellation) {
            properties.put("return_id", number);
        }
        ArrayNode products = properties.putArray("products");
        List<String> productIds = new ArrayList<>();
        for (String[] row : rows) {
            int quantity = Integer.parseInt(row[3]);
            int units = cancellation ? -quantity : quantity;
            if (units < 1) {
                continue;
            }
            products.addObject().put("product_id", row[1]).put("name", row[2].isEmpty() ? null : row[2])
                    .put("price", new BigDecimal(row[5]).abs()).put("quantity", units);
            productIds.add(row[1]);
        }
        if (productIds.isEmpty()) {
            return null;
        }
        String customer = rows.get(0)[6];
        Instant time = LocalDateTime.parse(rows.get(0)[4], TIME).toInstant(ZoneOffset.UTC);
        CanonicalEvent event = new CanonicalEvent("online-retail-" + number,
                cancellation ? "Product Returned" : "Order Completed", null, "online-retail", time, time, customer,
                null, properties, null);
        return new Invoice(event, customer, time, cancellation, productIds);
    }

    /** Splits one CSV line: only Description is quoted (RFC 4180, {@code ""} inside); no field spans lines. */
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
