package io.aftercart.intelligence.recommend;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.platform.testing.OnlineRetailCsv;
import io.aftercart.platform.testing.OnlineRetailCsv.Row;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One invoice's event, with what the evaluation needs to split and score it without re-reading the JSON. */
    public record Invoice(CanonicalEvent event, String customerId, Instant time, boolean cancellation,
            List<String> productIds) {
    }

    private OnlineRetailOrders() {
    }

    public static List<Invoice> read() {
        Map<String, List<Row>> rowsByInvoice = new LinkedHashMap<>();
        for (Row row : OnlineRetailCsv.read()) {
            if (row.customerId() != null) {
                rowsByInvoice.computeIfAbsent(row.invoice(), k -> new ArrayList<>()).add(row);
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

    private static Invoice invoice(String number, List<Row> rows) {
        boolean cancellation = number.startsWith("C");
        ObjectNode properties = EventJson.mapper().createObjectNode().put("order_id", number);
        if (cancellation) {
            properties.put("return_id", number);
        }
        ArrayNode products = properties.putArray("products");
        List<String> productIds = new ArrayList<>();
        for (Row row : rows) {
            int quantity = Math.toIntExact(row.quantity());
            int units = cancellation ? -quantity : quantity;
            if (units < 1) {
                continue;
            }
            products.addObject().put("product_id", row.stockCode())
                    .put("name", row.description().isEmpty() ? null : row.description())
                    .put("price", row.unitPrice().abs()).put("quantity", units);
            productIds.add(row.stockCode());
        }
        if (productIds.isEmpty()) {
            return null;
        }
        String customer = rows.get(0).customerId();
        Instant time = rows.get(0).invoiceDate().toInstant(ZoneOffset.UTC);
        CanonicalEvent event = new CanonicalEvent("online-retail-" + number,
                cancellation ? "Product Returned" : "Order Completed", null, "online-retail", time, time, customer,
                null, properties, null);
        return new Invoice(event, customer, time, cancellation, productIds);
    }
}
