package io.aftercart.bench.recommend;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * UCI Online Retail ({@code online_retail/online_retail_until_2011-09.csv.gz} of the reference data) as canonical
 * events, one per invoice of a known customer: an invoice becomes {@code Order Completed} with a line per row; a
 * {@code C} invoice (cancellation, the dataset's only returns signal) becomes {@code Product Returned} with the
 * quantities made positive. Rows without a customer id are skipped, as are rows of ordinary invoices with a quantity
 * below 1 (adjustments). Invoice times are the retailer's wall clock, read as UTC.
 */
final class OnlineRetailInvoices {

    static final String FILE = "online_retail/online_retail_until_2011-09.csv.gz";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    // columns: InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country
    private static final int INVOICE = 0;
    private static final int STOCK_CODE = 1;
    private static final int DESCRIPTION = 2;
    private static final int QUANTITY = 3;
    private static final int DATE = 4;
    private static final int PRICE = 5;
    private static final int CUSTOMER = 6;

    /** One invoice's event, with what the benchmark needs without re-reading the JSON. */
    record Invoice(CanonicalEvent event, String customerId, boolean cancellation, List<String> productIds) {
    }

    private OnlineRetailInvoices() {
    }

    static List<Invoice> read(Path file) throws IOException {
        Map<String, List<String[]>> rowsByInvoice = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] row = fields(line);
                if (!row[CUSTOMER].isEmpty()) {
                    rowsByInvoice.computeIfAbsent(row[INVOICE], k -> new ArrayList<>()).add(row);
                }
            }
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
            int quantity = Integer.parseInt(row[QUANTITY]);
            int units = cancellation ? -quantity : quantity;
            if (units < 1) {
                continue;
            }
            products.addObject().put("product_id", row[STOCK_CODE])
                    .put("name", row[DESCRIPTION].isEmpty() ? null : row[DESCRIPTION])
                    .put("price", new BigDecimal(row[PRICE]).abs()).put("quantity", units);
            productIds.add(row[STOCK_CODE]);
        }
        if (productIds.isEmpty()) {
            return null;
        }
        String customer = rows.get(0)[CUSTOMER];
        Instant time = LocalDateTime.parse(rows.get(0)[DATE], TIME).toInstant(ZoneOffset.UTC);
        CanonicalEvent event = new CanonicalEvent("online-retail-" + number,
                cancellation ? "Product Returned" : "Order Completed", null, "online-retail", time, time, customer,
                null, properties, null);
        return new Invoice(event, customer, cancellation, productIds);
    }

    /** Splits one CSV line: only Description is quoted (RFC 4180, {@code ""} inside); no field spans lines. */
    private static String[] fields(String line) {
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
