package io.aftercart.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The live phase: new orders arrive as a Poisson process sized to the wanted event rate, and each order's story plays
 * out at {@link #TIME_SCALE} speed, so shipping, delivery, returns and reviews all show up within minutes.
 */
public final class LiveTraffic {

    /** One simulated day per real minute. */
    static final double TIME_SCALE = 1_440;
    /** Events an order produces over its life (measured in steady state); converts events/s into orders/s. */
    private static final double EVENTS_PER_ORDER = 4.5;
    private static final double NEWCOMER_SHARE = 0.1;
    private static final Duration SIGN_UP_LEAD = Duration.ofSeconds(1);
    private static final Duration PLAN_AHEAD = SIGN_UP_LEAD.multipliedBy(2);

    private record Scheduled(long sequence, DemoEvent event) {
    }

    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>(
            Comparator.comparing((Scheduled s) -> s.event().timestamp()).thenComparingLong(Scheduled::sequence));
    private final SplittableRandom rng;
    private final EventRecorder out;
    private final List<Customer> customers;
    private final double[] cumulativeRates;
    private final BasketPicker baskets;
    private final FeedbackWriter writer;
    private final String runTag;
    private final double meanOrderGapMillis;
    private long sequence;
    private int orders;
    private int newcomers;
    private Instant nextOrderAt;

    LiveTraffic(DemoSettings settings, List<Customer> customers, BasketPicker baskets, FeedbackWriter writer,
                Instant start) {
        this.rng = new SplittableRandom(DemoTraffic.mix(settings.seed(), start.toEpochMilli(), 3));
        this.runTag = Long.toString(start.getEpochSecond(), 36);
        this.out = new EventRecorder("aftercart-demo:" + settings.seed() + ":live:" + runTag,
                event -> pending.add(new Scheduled(sequence++, event)));
        this.customers = customers;
        this.cumulativeRates = new double[customers.size()];
        double sum = 0;
        for (int i = 0; i < customers.size(); i++) cumulativeRates[i] = sum += customers.get(i).ordersPerDay();
        this.baskets = baskets;
        this.writer = writer;
        this.meanOrderGapMillis = 1000 * EVENTS_PER_ORDER / settings.liveEventsPerSecond();
        this.nextOrderAt = start;
    }

    /** Events that have happened up to {@code now}, in time order; call it repeatedly with a moving clock. */
    public List<DemoEvent> due(Instant now) {
        // Orders are planned slightly ahead, so a newcomer's sign-up (dated just before the order) is never
        // already older than events handed out earlier.
        while (!nextOrderAt.isAfter(now.plus(PLAN_AHEAD))) {
            startOrder(nextOrderAt);
            nextOrderAt = nextOrderAt.plusMillis(1 + Math.round(Randoms.exponential(rng, meanOrderGapMillis)));
        }
        List<DemoEvent> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().event().timestamp().isAfter(now)) due.add(pending.poll().event());
        return due;
    }

    private void startOrder(Instant at) {
        Customer customer;
        boolean firstOrder = Randoms.chance(rng, NEWCOMER_SHARE);
        if (firstOrder) {
            int n = ++newcomers;
            customer = CustomerBase.newcomer(rng, customers.size() + n, "cust-" + runTag + "-" + n);
            CustomerJourney.introduce(out, customer, at, SIGN_UP_LEAD);
        } else {
            customer = customers.get(frequentShopper());
        }
        String orderId = "ord-" + runTag + "-" + (++orders);
        new OrderStory(rng, out, writer, customer, orderId, at, TIME_SCALE).tell(baskets.pick(rng, customer, List.of()),
                firstOrder);
    }

    /** Existing customers come back in proportion to their purchase rate. */
    private int frequentShopper() {
        double x = rng.nextDouble() * cumulativeRates[cumulativeRates.length - 1];
        int i = Arrays.binarySearch(cumulativeRates, x);
        return Math.min(cumulativeRates.length - 1, i >= 0 ? i : -i - 1);
    }
}
