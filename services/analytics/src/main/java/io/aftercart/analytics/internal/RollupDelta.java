package io.aftercart.analytics.internal;

import io.aftercart.analytics.kpi.Granularity;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.events.NpsSurveyResponded;
import io.aftercart.contracts.events.OrderCancelled;
import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.OrderRefunded;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ProductReturned;
import io.aftercart.contracts.events.SupportTicketOpened;
import io.aftercart.contracts.events.SupportTicketResolved;
import io.aftercart.platform.reporting.CurrencyConverter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * What a set of newly stored events adds to each rollup table. The definitions every KPI rests on:
 * <ul>
 *   <li>an order is an {@code Order Completed} event, of the customer id (or, without one, the anonymous id); its
 *       gross revenue is its {@code total} (the sum of its lines when absent);</li>
 *   <li>items sold / returned are the quantities of the lines of {@code Order Completed} / {@code Product Returned}
 *       (quantity 1 when absent), their value quantity &times; unit price;</li>
 *   <li>cancellations and refunds are {@code Order Cancelled} / {@code Order Refunded} events with their
 *       {@code total}; net revenue = gross revenue &minus; refunded value (money actually paid back: a shop refunds
 *       cancelled and returned orders with {@code Order Refunded}, so subtracting cancellations and returns as well
 *       would count the same money twice);</li>
 *   <li>NPS classes: 9&ndash;10 promoter, 7&ndash;8 passive, 0&ndash;6 detractor.</li>
 * </ul>
 * An event with money in a currency that has no configured rate adds nothing but a count in {@code kpi_excluded}.
 * An event whose properties cannot be read as its type adds nothing (it is kept in the warehouse).
 */
public final class RollupDelta {

    /** The event types any rollup reads. */
    public static final List<String> TYPES = Stream.of(EventType.ORDER_COMPLETED, EventType.ORDER_CANCELLED,
                    EventType.ORDER_REFUNDED, EventType.PRODUCT_RETURNED, EventType.NPS_SURVEY_RESPONDED,
                    EventType.SUPPORT_TICKET_OPENED, EventType.SUPPORT_TICKET_RESOLVED)
            .map(EventType::wireName).toList();

    private static final Logger log = LoggerFactory.getLogger(RollupDelta.class);
    private static final String NO_CATEGORY = "";
    private static final String NO_REASON = "unspecified";

    private final CurrencyConverter converter;
    private final ZoneId zone;
    private final Map<RollupTable, RollupRows> rows = new LinkedHashMap<>();

    public RollupDelta(CurrencyConverter converter, ZoneId zone) {
        this.converter = converter;
        this.zone = zone;
        RollupTables.ALL.forEach(table -> rows.put(table, new RollupRows(table)));
    }

    public Collection<RollupRows> rows() {
        return rows.values();
    }

    public void add(CanonicalEvent event) {
        EventType type = EventType.ofWireName(event.type()).orElse(null);
        if (type == null || event.properties() == null) {
            return;
        }
        try {
            switch (type) {
                case ORDER_COMPLETED -> order(event, event.propertiesAs(OrderCompleted.class));
                case ORDER_CANCELLED -> cancellation(event, event.propertiesAs(OrderCancelled.class));
                case ORDER_REFUNDED -> refund(event, event.propertiesAs(OrderRefunded.class));
                case PRODUCT_RETURNED -> productReturn(event, event.propertiesAs(ProductReturned.class));
                case NPS_SURVEY_RESPONDED -> nps(event, event.propertiesAs(NpsSurveyResponded.class));
                case SUPPORT_TICKET_OPENED -> ticketOpened(event, event.propertiesAs(SupportTicketOpened.class));
                case SUPPORT_TICKET_RESOLVED -> ticketResolved(event, event.propertiesAs(SupportTicketResolved.class));
                default -> {
                    // no KPI reads this type
                }
            }
        } catch (JacksonException e) {
            log.warn("Event {} ({}) left out of the KPIs: its properties do not match the type", event.id(), event.type());
        }
    }

    private void order(CanonicalEvent event, OrderCompleted order) {
        String customer = event.partitionKey();
        if (customer == null || excluded(event, order.currency())) {
            return;
        }
        LocalDate date = date(event);
        BigDecimal total = order.total() != null ? order.total() : linesValue(order.products());
        rows.get(RollupTables.CUSTOMER_DAY).add(customer, day(date), week(date), month(date), 1L,
                money(total, order.currency()));
        long items = units(order.products());
        BigDecimal value = money(linesValue(order.products()), order.currency());
        addDay(date, Map.of("items_sold", items, "items_sold_value", value));
        for (Product line : lines(order.products())) {
            rows.get(RollupTables.PRODUCT_MONTH).add(productId(line), category(line), month(date),
                    quantity(line), money(lineValue(line), order.currency()), 0L, BigDecimal.ZERO);
        }
    }

    private void cancellation(CanonicalEvent event, OrderCancelled cancelled) {
        if (excluded(event, cancelled.currency())) {
            return;
        }
        BigDecimal total = cancelled.total() != null ? cancelled.total() : linesValue(cancelled.products());
        addDay(date(event), Map.of("cancellations", 1L, "cancelled_value", money(total, cancelled.currency())));
    }

    private void refund(CanonicalEvent event, OrderRefunded refunded) {
        if (excluded(event, refunded.currency())) {
            return;
        }
        BigDecimal total = refunded.total() != null ? refunded.total() : linesValue(refunded.products());
        addDay(date(event), Map.of("refunds", 1L, "refunded_value", money(total, refunded.currency())));
    }

    private void productReturn(CanonicalEvent event, ProductReturned returned) {
        if (excluded(event, returned.currency())) {
            return;
        }
        LocalDate date = date(event);
        long items = units(returned.products());
        addDay(date, Map.of("returns", 1L, "items_returned", items,
                "items_returned_value", money(linesValue(returned.products()), returned.currency())));
        for (Product line : lines(returned.products())) {
            rows.get(RollupTables.PRODUCT_MONTH).add(productId(line), category(line), month(date),
                    0L, BigDecimal.ZERO, quantity(line), money(lineValue(line), returned.currency()));
        }
        String reason = returned.reasonCode() != null ? returned.reasonCode().wireValue() : NO_REASON;
        rows.get(RollupTables.RETURN_REASON).add(day(date), reason, 1L, items);
    }

    private void nps(CanonicalEvent event, NpsSurveyResponded response) {
        Integer score = response.score();
        if (score == null || score < 0 || score > 10) {
            return;
        }
        String column = score >= 9 ? "nps_promoters" : score >= 7 ? "nps_passives" : "nps_detractors";
        addDay(date(event), Map.of(column, 1L));
    }

    private void ticketOpened(CanonicalEvent event, SupportTicketOpened opened) {
        addDay(date(event), Map.of("tickets_opened", 1L));
        if (opened.ticketId() != null) {
            rows.get(RollupTables.TICKET).add(opened.ticketId(), event.time().getEpochSecond(), null, null);
        }
    }

    private void ticketResolved(CanonicalEvent event, SupportTicketResolved resolved) {
        LocalDate date = date(event);
        addDay(date, Map.of("tickets_resolved", 1L));
        if (resolved.ticketId() != null) {
            rows.get(RollupTables.TICKET).add(resolved.ticketId(), null, event.time().getEpochSecond(), day(date));
        }
    }

    /** Adds the given counts and amounts to the event's day; every other column of kpi_day gets zero. */
    private void addDay(LocalDate date, Map<String, Object> values) {
        List<RollupColumn> columns = RollupTables.DAY.columns();
        Object[] row = new Object[columns.size()];
        row[0] = day(date);
        row[1] = week(date);
        row[2] = month(date);
        for (int i = 3; i < row.length; i++) {
            RollupColumn column = columns.get(i);
            Object zero = column.type() == RollupColumn.Type.DECIMAL ? BigDecimal.ZERO : 0L;
            row[i] = values.getOrDefault(column.name(), zero);
        }
        rows.get(RollupTables.DAY).add(row);
    }

    private boolean excluded(CanonicalEvent event, String currency) {
        if (converter.toReporting(BigDecimal.ZERO, currency).isPresent()) {
            return false;
        }
        rows.get(RollupTables.EXCLUDED).add(day(date(event)), currency, 1L);
        return true;
    }

    /** Called only after {@link #excluded} said the currency converts. */
    private BigDecimal money(BigDecimal amount, String currency) {
        return converter.toReporting(amount, currency).orElseThrow();
    }

    private LocalDate date(CanonicalEvent event) {
        return event.time().atZone(zone).toLocalDate();
    }

    private static List<Product> lines(List<Product> products) {
        return products == null ? List.of() : products.stream().filter(p -> p != null).toList();
    }

    private static long units(List<Product> products) {
        return lines(products).stream().mapToLong(RollupDelta::quantity).sum();
    }

    private static BigDecimal linesValue(List<Product> products) {
        return lines(products).stream().map(RollupDelta::lineValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long quantity(Product line) {
        return line.quantity() == null ? 1 : line.quantity();
    }

    private static BigDecimal lineValue(Product line) {
        return line.price() == null ? BigDecimal.ZERO : line.price().multiply(BigDecimal.valueOf(quantity(line)));
    }

    private static String productId(Product line) {
        return line.productId() != null ? line.productId() : line.sku() != null ? line.sku() : "unknown";
    }

    private static String category(Product line) {
        return line.category() != null ? line.category() : NO_CATEGORY;
    }

    private static int day(LocalDate date) {
        return Granularity.DAY.index(date);
    }

    private static int week(LocalDate date) {
        return Granularity.WEEK.index(date);
    }

    private static int month(LocalDate date) {
        return Granularity.MONTH.index(date);
    }
}
