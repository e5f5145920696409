package io.aftercart.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One customer's history, BG/NBD style: orders arrive at the customer's own rate until, after some order, they
 * silently drop out. Consumables pull the next order forward when they run out.
 */
final class CustomerJourney {

    static final String POLICY_VERSION = "2024-05";

    private final BasketPicker baskets;
    private final FeedbackWriter writer;

    CustomerJourney(BasketPicker baskets, FeedbackWriter writer) {
        this.baskets = baskets;
        this.writer = writer;
    }

    void play(SplittableRandom rng, EventRecorder out, Customer customer, Instant firstOrder, Instant end) {
        introduce(out, customer, firstOrder, Duration.ofMinutes(4));
        boolean emailConsent = customer.likesEmail();
        Map<Product, Instant> refillsDue = new LinkedHashMap<>();
        Instant orderedAt = firstOrder;
        for (int n = 1; !orderedAt.isAfter(end); n++) {
            List<Product> refills = takeDue(refillsDue, orderedAt.plus(Duration.ofDays(7)));
            List<LineItem> basket = baskets.pick(rng, customer, refills);
            String orderId = String.format("ord-%06d-%03d", customer.index(), n);
            new OrderStory(rng, out, writer, customer, orderId, orderedAt, 1).tell(basket, n == 1);
            for (LineItem item : basket) {
                int cycle = item.product().category().refillDays * item.quantity();
                if (cycle > 0 && Randoms.chance(rng, 0.75)) {
                    refillsDue.put(item.product(), orderedAt.plus(days(cycle * Randoms.between(rng, 0.8, 1.3))));
                }
            }
            if (Randoms.chance(rng, customer.dropoutAfterOrder())) return;
            Instant next = orderedAt.plus(days(Randoms.exponential(rng, 1 / customer.ordersPerDay())));
            Instant refill = refillsDue.values().stream().min(Instant::compareTo).orElse(null);
            if (refill != null && refill.isBefore(next) && Randoms.chance(rng, 0.7)) next = refill;
            if (Randoms.chance(rng, 0.05)) {
                emailConsent = !emailConsent;
                consent(out, customer, next.minus(Duration.ofHours(30)), emailConsent);
            }
            orderedAt = next;
        }
    }

    /** Sign-up {@code lead} before the first order: who they are, then what they agreed to. */
    static void introduce(EventRecorder out, Customer customer, Instant firstOrder, Duration lead) {
        Instant signedUp = firstOrder.minus(lead);
        Map<String, Object> traits = new LinkedHashMap<>();
        traits.put("email", customer.email());
        traits.put("phone", customer.phone());
        traits.put("first_name", customer.firstName());
        traits.put("last_name", customer.lastName());
        traits.put("created_at", DemoEvent.iso(signedUp));
        out.identify(customer.id(), signedUp, traits);
        consent(out, customer, firstOrder.minus(lead.dividedBy(2)), customer.likesEmail());
    }

    private static void consent(EventRecorder out, Customer customer, Instant at, boolean emailMarketing) {
        Map<String, Object> purposes = new LinkedHashMap<>();
        purposes.put("email_marketing", emailMarketing);
        purposes.put("analytics", true);
        purposes.put("personalisation", customer.index() % 5 != 0);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("purposes", purposes);
        p.put("policy_version", POLICY_VERSION);
        out.track(customer.id(), at, "Consent Updated", p);
    }

    private static List<Product> takeDue(Map<Product, Instant> refillsDue, Instant before) {
        List<Product> due = new ArrayList<>();
        refillsDue.entrySet().removeIf(e -> {
            boolean isDue = e.getValue().isBefore(before);
            if (isDue) due.add(e.getKey());
            return isDue;
        });
        return due;
    }

    private static Duration days(double days) {
        return Duration.ofMillis(Math.round(days * 86_400_000));
    }
}
