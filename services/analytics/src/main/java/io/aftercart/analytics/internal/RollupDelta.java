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
import io.aftercart.platform.reporting.OrderMoney;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 *       {@code total} (the value of their lines when absent), counted on the day they happened;</li>
 *   <li>net revenue is that of the orders placed in the period: per order (by {@code order_id}; an event without
 *       one is an order of its own) {@link OrderMoney#net()}, the definition profiles and the churn model share:
 *       the order's total minus the larger of its refunds and its cancelled plus returned value (a shop often
 *       reports a return and the refund that settles it; that money counts once). A cancellation without an amount
 *       takes back the whole order; a return's value is its {@code total}, else the value of its lines. Money back
 *       for an order not (yet) seen counts on the day of its earliest event until the order arrives;</li>
 *   <li>kept orders are orders not cancelled in full (their cancellations reach their total): the average order
 *       value is net revenue per kept order;</li>
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

    /** What the events add to one rollup table, one row per key. */
    RollupRows rows(RollupTable table) {
        return rows.get(table);
    }

    /** Adds to the net revenue and kept orders of a day (an order's net moving there, or away when negative). */
    void addNet(int day, BigDecimal netRevenue, long keptOrders) {
        addDay(Granularity.DAY.start(day), Map.of("net_revenue", netRevenue, "kept_orders", keptOrders));
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
            log.warn("Event {} ({}) left out of the KPIs: its properties do not match the type", event.id(),
                    event.type());
        }
    }

    private void order(CanonicalEvent event, OrderCompleted order) {
        String customer = event.partitionKey();
        if (customer == null || excluded(event, order.currency())) {
            return;
        }
        LocalDate date = date(event);
        BigDecimal total = order.total() != null ? order.total()
                : order.revenue() != null ? order.revenue() : linesValue(order.products());
        BigDecimal gross = money(total, order.currency());
        rows.get(RollupTables.CUSTOMER_DAY).add(customer, day(date), week(date), month(date), 1L, gross);
        orderMoney(event, order.orderId(), day(date), 1L, OrderMoney.NONE.withTotal(gross), 0L, 0);
        long items = units(order.products());
        BigDecimal value = money(linesValue(order.products()), order.currency());
        addDay(date, Map.of("orders", 1L, "gross_revenue", gross, "items_sold", items, "items_sold_value", value));
        for (Product line : lines(order.products())) {
            addProduct(line, date, quantity(line), money(lineValue(line), order.currency()), 0L, BigDecimal.ZERO);
        }
    }

    /** A cancellation without total and without lines takes back the whole order, whatever its currency. */
    private void cancellation(CanonicalEvent event, OrderCancelled cancelled) {
        boolean whole = cancelled.total() == null && lines(cancelled.products()).isEmpty();
        if (!whole && excluded(event, cancelled.currency())) {
            return;
        }
        LocalDate date = date(event);
        BigDecimal value = whole ? BigDecimal.ZERO : money(cancelled.total() != null ? cancelled.total()
                : linesValue(cancelled.products()), cancelled.currency());
        addDay(date, Map.of("cancellations", 1L, "cancelled_value", value));
        orderMoney(event, cancelled.orderId(), null, 0L, OrderMoney.NONE.plusCancelled(value), 1L, whole ? 1 : 0);
    }

    private void refund(CanonicalEvent event, OrderRefunded refunded) {
        if (excluded(event, refunded.currency())) {
            return;
        }
        BigDecimal total = refunded.total() != null ? refunded.total() : linesValue(refunded.products());
        BigDecimal value = money(total, refunded.currency());
        addDay(date(event), Map.of("refunds", 1L, "refunded_value", value));
        orderMoney(event, refunded.orderId(), null, 0L, OrderMoney.NONE.plusRefund(value), 0L, 0);
    }

    private void addProduct(Product line, LocalDate date, long sold, BigDecimal soldValue, long returned,
            BigDecimal returnedValue) {
        rows.get(RollupTables.PRODUCT_MONTH).add(productId(line), category(line), month(date), sold, soldValue,
                returned, returnedValue);
        rows.get(RollupTables.PRODUCT_YEAR).add(productId(line), category(line), date.getYear(), sold, soldValue,
                returned, returnedValue);
        rows.get(RollupTables.PRODUCT_TOTAL).add(productId(line), category(line), sold, soldValue, returned,
                returnedValue);
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
            addProduct(line, date, 0L, BigDecimal.ZERO, quantity(line), money(lineValue(line), returned.currency()));
        }
        String reason = returned.reasonCode() != null ? returned.reasonCode().wireValue() : NO_REASON;
        rows.get(RollupTables.RETURN_REASON).add(day(date), reason, 1L, items);
        BigDecimal value = returned.total() != null ? money(returned.total(), returned.currency())
                : money(linesValue(returned.products()), returned.currency());
        orderMoney(event, returned.orderId(), null, 0L, OrderMoney.NONE.plusReturned(value), 0L, 0);
    }

    /**
     * Adds an event's money to its order's row; an event without an order id is an order of its own.
     *
     * @param orderDay the order's day for its Order Completed, else null
     */
    private void orderMoney(CanonicalEvent event, String orderId, Integer orderDay, long completions,
            OrderMoney money, long cancellations, int cancelledWhole) {
        String customer = event.partitionKey();
        if (customer == null) {
            return;
        }
        rows.get(RollupTables.ORDER).add(orderId != null && !orderId.isBlank() ? orderId : event.id(), customer,
                orderDay, day(date(event)), completions, scaled(money.total()), scaled(money.refunded()),
                scaled(money.cancelled()), scaled(money.returned()), cancellations, cancelledWhole);
    }

    /** At the stored scale, so that nets computed from this batch's rows equal those computed from stored rows. */
    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(RollupWriter.AMOUNT_SCALE, RoundingMode.HALF_EVEN);
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
