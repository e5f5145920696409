package io.aftercart.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plays out one order from checkout to its last echo: shipping and delivery (sometimes late, sometimes damaged),
 * cancellations, returns and refunds, support tickets, reviews, NPS answers and product usage. What goes wrong shapes
 * what the customer says afterwards.
 */
final class OrderStory {

    static final String CURRENCY = "GBP";

    private static final BigDecimal FREE_SHIPPING_FROM = BigDecimal.valueOf(50);
    private static final BigDecimal SHIPPING_FEE = new BigDecimal("3.95");
    private static final BigDecimal VAT_FRACTION_OF_GROSS = BigDecimal.ONE.divide(BigDecimal.valueOf(6), 10,
            RoundingMode.HALF_UP);
    private static final List<String> CARRIERS = List.of("Royal Mail", "DPD", "Evri", "DHL", "UPS");
    private static final List<String> CANCEL_REASONS = List.of("Changed my mind", "Found a better price elsewhere",
            "Ordered by mistake", "Payment verification failed", "Item out of stock");
    private static final List<String> CHANNELS = List.of("email", "chat", "phone", "web", "social");
    private static final double[] CHANNEL_WEIGHTS = {45, 30, 10, 10, 5};

    private final SplittableRandom rng;
    private final EventRecorder out;
    private final FeedbackWriter writer;
    private final Customer customer;
    private final String orderId;
    private final Instant orderedAt;
    /** 1 in history; in live mode simulated days pass this many times faster so a whole story fits in minutes. */
    private final double timeScale;
    private int tickets;

    OrderStory(SplittableRandom rng, EventRecorder out, FeedbackWriter writer, Customer customer, String orderId,
               Instant orderedAt, double timeScale) {
        this.rng = rng;
        this.out = out;
        this.writer = writer;
        this.customer = customer;
        this.orderId = orderId;
        this.orderedAt = orderedAt;
        this.timeScale = timeScale;
    }

    void tell(List<LineItem> basket, boolean firstOrder) {
        BigDecimal total = complete(basket, firstOrder);
        if (Randoms.chance(rng, 0.035)) {
            cancel(total);
            return;
        }
        double shipped = Randoms.between(rng, 1, 3);
        double promised = Randoms.between(rng, 3, 4);
        double delivered = shipped + 2 + Math.min(4, Randoms.exponential(rng, 0.8));
        boolean late = delivered > shipped + promised + 0.25;
        boolean fragile = basket.stream().anyMatch(item -> item.product().category().fragile);
        boolean damaged = Randoms.chance(rng, fragile ? 0.045 : 0.012);
        String carrier = Randoms.pick(rng, CARRIERS);
        track(shipped, "Order Shipped", props("carrier", carrier, "tracking_number", trackingNumber(carrier),
                "estimated_delivery", DemoEvent.iso(at(shipped + promised))));
        boolean poorSupport = late && Randoms.chance(rng, 0.5)
                && ticket(SupportTopic.WHERE_IS_MY_ORDER, shipped + promised + 0.3, delivered - shipped - promised);
        track(delivered, "Order Delivered", props("carrier", carrier));
        if (damaged && Randoms.chance(rng, 0.6)) {
            poorSupport |= ticket(SupportTopic.DAMAGED_ITEM, delivered + Randoms.between(rng, 0.05, 1), 3);
        }
        Map<LineItem, ReturnReason> returns = chooseReturns(basket, damaged, late);
        if (!returns.isEmpty()) {
            poorSupport |= returnItems(returns, delivered, damaged);
        } else if (Randoms.chance(rng, 0.02)) {
            poorSupport |= ticket(SupportTopic.PRODUCT_QUESTION, delivered + Randoms.between(rng, 0.5, 10), 2);
        }
        feedback(basket, returns, new Experience(late, damaged, false, false, !returns.isEmpty(), poorSupport),
                delivered);
        productUse(basket, returns, delivered);
    }

    private BigDecimal complete(List<LineItem> basket, boolean firstOrder) {
        BigDecimal subtotal = basket.stream().map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String coupon = null;
        int percentOff = 0;
        if (firstOrder && Randoms.chance(rng, 0.3)) {
            coupon = "WELCOME10";
            percentOff = 10;
        } else if (Randoms.chance(rng, 0.12)) {
            coupon = Randoms.chance(rng, 0.5) ? "SEASON15" : "LOYAL20";
            percentOff = coupon.equals("SEASON15") ? 15 : 20;
        }
        BigDecimal discount = Randoms.money(subtotal.doubleValue() * percentOff / 100.0);
        BigDecimal revenue = subtotal.subtract(discount);
        BigDecimal shipping = revenue.compareTo(FREE_SHIPPING_FROM) >= 0 ? BigDecimal.ZERO.setScale(2) : SHIPPING_FEE;
        BigDecimal total = revenue.add(shipping);
        Map<String, Object> p = props("total", total, "revenue", revenue, "subtotal", subtotal,
                "shipping", shipping, "tax", total.multiply(VAT_FRACTION_OF_GROSS).setScale(2, RoundingMode.HALF_UP),
                "discount", discount);
        if (coupon != null) p.put("coupon", coupon);
        p.put("currency", CURRENCY);
        p.put("products", basket.stream().map(LineItem::toProperties).toList());
        track(0, "Order Completed", p);
        return total;
    }

    private void cancel(BigDecimal total) {
        double cancelled = Randoms.between(rng, 0.02, 0.8);
        track(cancelled, "Order Cancelled", props("total", total, "currency", CURRENCY,
                "reason", Randoms.pick(rng, CANCEL_REASONS)));
        track(cancelled + Randoms.between(rng, 0.05, 1.5), "Order Refunded",
                props("total", total, "currency", CURRENCY, "reason", "Order cancelled before shipping"));
    }

    private Map<LineItem, ReturnReason> chooseReturns(List<LineItem> basket, boolean damaged, boolean late) {
        Map<LineItem, ReturnReason> returns = new LinkedHashMap<>();
        for (LineItem item : basket) {
            Category category = item.product().category();
            if (damaged && category.fragile && Randoms.chance(rng, 0.8)) {
                returns.put(item, ReturnReason.DAMAGED);
            } else if (late && Randoms.chance(rng, 0.04)) {
                returns.put(item, ReturnReason.LATE_DELIVERY);
            } else if (Randoms.chance(rng, category.returnRate)) {
                returns.put(item, category.isApparel() ? apparelReason() : otherReason(category));
            }
        }
        return returns;
    }

    private ReturnReason apparelReason() {
        ReturnReason[] reasons = {ReturnReason.WRONG_SIZE, ReturnReason.NOT_AS_DESCRIBED, ReturnReason.CHANGED_MIND,
                ReturnReason.DEFECTIVE, ReturnReason.WRONG_ITEM, ReturnReason.OTHER};
        return reasons[Randoms.weightedIndex(rng, new double[] {55, 14, 18, 4, 3, 6})];
    }

    private ReturnReason otherReason(Category category) {
        ReturnReason[] reasons = {ReturnReason.CHANGED_MIND, ReturnReason.DEFECTIVE, ReturnReason.NOT_AS_DESCRIBED,
                ReturnReason.WRONG_ITEM, ReturnReason.OTHER};
        double defective = category == Category.ELECTRONICS ? 50 : 20;
        return reasons[Randoms.weightedIndex(rng, new double[] {35, defective, 25, 10, 5})];
    }

    /** Returns true if the customer ended up unhappy with support along the way. */
    private boolean returnItems(Map<LineItem, ReturnReason> returns, double delivered, boolean damaged) {
        String returnId = orderId.replace("ord-", "ret-");
        ReturnReason reason = returns.values().iterator().next();
        List<Map<String, Object>> products = returns.keySet().stream().map(LineItem::toProperties).toList();
        BigDecimal refund = returns.keySet().stream().map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String reasonText = Randoms.pick(rng, reason.texts);
        double requested = delivered + (damaged ? Randoms.between(rng, 0.1, 2) : Randoms.between(rng, 1, 14));
        track(requested, "Return Requested", props("return_id", returnId, "products", products,
                "reason", reasonText, "reason_code", reason.code));
        if (!Randoms.chance(rng, 0.92)) return false; // never sent back
        double received = requested + Randoms.between(rng, 3, 9);
        track(received, "Product Returned", props("return_id", returnId, "products", products, "total", refund,
                "currency", CURRENCY, "reason", reasonText, "reason_code", reason.code));
        boolean slowRefund = Randoms.chance(rng, 0.15);
        double refunded = received + (slowRefund ? Randoms.between(rng, 6, 14) : Randoms.between(rng, 0.5, 3));
        boolean poorSupport = slowRefund && Randoms.chance(rng, 0.6)
                && ticket(SupportTopic.REFUND_REQUEST, received + 5, refunded - received - 5);
        track(refunded, "Order Refunded", props("total", refund, "currency", CURRENCY,
                "reason", "Return received (" + reason.code + ")"));
        return poorSupport;
    }

    /** Opens and later resolves a ticket; returns true if the customer rated the help poorly. */
    private boolean ticket(SupportTopic topic, double opened, double typicalDaysToResolve) {
        String ticketId = orderId.replace("ord-", "tkt-") + "-" + (++tickets);
        track(opened, "Support Ticket Opened", props("ticket_id", ticketId,
                "subject", Randoms.pick(rng, topic.subjects),
                "body", String.format(Randoms.pick(rng, topic.bodies), orderId),
                "channel", CHANNELS.get(Randoms.weightedIndex(rng, CHANNEL_WEIGHTS)),
                "category", topic.category));
        double daysOpen = 0.05 + Randoms.exponential(rng, Math.max(0.3, typicalDaysToResolve * 0.5));
        int satisfaction = clamp((int) Math.round(4.7 - 0.5 * daysOpen + 0.7 * Randoms.normal(rng)), 1, 5);
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("ticket_id", ticketId);
        resolved.put("resolution", Randoms.pick(rng, topic.resolutions));
        resolved.put("satisfaction", satisfaction);
        out.track(customer.id(), at(opened + daysOpen), "Support Ticket Resolved", resolved);
        return satisfaction <= 2;
    }

    private void feedback(List<LineItem> basket, Map<LineItem, ReturnReason> returns, Experience order,
            double delivered) {
        if (Randoms.chance(rng, order.penalty() > 1.5 ? 0.35 : 0.18)) {
            LineItem reviewed = returns.isEmpty() ? Randoms.pick(rng, basket) : returns.keySet().iterator().next();
            ReturnReason reason = returns.get(reviewed);
            Experience item = new Experience(order.late(), order.damaged(), reason == ReturnReason.WRONG_SIZE,
                    reason == ReturnReason.DEFECTIVE, order.returned(), order.poorSupport());
            int rating = clamp((int) Math.round(4.4 + 1.2 * reviewed.product().quality()
                    + 0.8 * Randoms.normal(rng) - item.penalty()), 1, 5);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("product_id", reviewed.product().productId());
            p.put("review_id", orderId.replace("ord-", "rev-"));
            p.put("rating", rating);
            p.put("review_body", writer.review(rng, reviewed.product(), rating, item));
            p.put("order_id", orderId);
            out.track(customer.id(), at(delivered + Randoms.between(rng, 2, 21)), "Product Reviewed", p);
        }
        if (Randoms.chance(rng, 0.12)) {
            int score = clamp((int) Math.round(8.7 + 1.4 * Randoms.normal(rng) - 1.6 * order.penalty()), 0, 10);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("score", score);
            if (Randoms.chance(rng, 0.7)) p.put("comment", writer.npsComment(rng, score, order));
            p.put("survey_id", "nps-post-delivery");
            p.put("order_id", orderId);
            out.track(customer.id(), at(delivered + Randoms.between(rng, 5, 12)), "NPS Survey Responded", p);
        }
    }

    private void productUse(List<LineItem> basket, Map<LineItem, ReturnReason> returns, double delivered) {
        for (LineItem item : basket) {
            List<String> features = item.product().category().features;
            if (features.isEmpty() || returns.containsKey(item) || !Randoms.chance(rng, 0.6)) continue;
            double day = delivered;
            int count = 0;
            for (int i = 1 + rng.nextInt(4); i > 0; i--) {
                day += Randoms.exponential(rng, 6);
                count += 1 + rng.nextInt(12);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("product_id", item.product().productId());
                p.put("feature", Randoms.pick(rng, features));
                p.put("usage_count", count);
                out.track(customer.id(), at(day), "Product Used", p);
            }
        }
    }

    private void track(double day, String event, Map<String, Object> properties) {
        out.track(customer.id(), at(day), event, properties);
    }

    /** Properties that start with this order's id. */
    private Map<String, Object> props(Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order_id", orderId);
        for (int i = 0; i < keyValues.length; i += 2) p.put((String) keyValues[i], keyValues[i + 1]);
        return p;
    }

    private Instant at(double daysAfterOrder) {
        return orderedAt.plusMillis(Math.round(daysAfterOrder * 86_400_000 / timeScale));
    }

    private String trackingNumber(String carrier) {
        long digits = 100_000_000L + rng.nextLong(900_000_000L);
        return switch (carrier) {
            case "Royal Mail" -> "RM" + digits + "GB";
            case "UPS" -> "1Z" + digits + rng.nextInt(10_000);
            default -> carrier.substring(0, 2).toUpperCase() + digits;
        };
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
