package io.aftercart.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shop's event stream, with no I/O: the history backfill and the live trickle. Everything is derived from the
 * seed, each customer from its own random stream, so the same settings always produce the same events.
 */
public final class DemoTraffic {

    private final DemoSettings settings;
    private final List<Customer> customers;
    private final BasketPicker baskets = new BasketPicker(new ProductCatalogue());
    private final FeedbackWriter writer = new FeedbackWriter();

    public DemoTraffic(DemoSettings settings) {
        this.settings = settings;
        this.customers = CustomerBase.draw(settings.seed(), settings.customers(), settings.historyDays());
    }

    /**
     * Every event of the {@code historyDays} before {@code end}, in time order. Orders still in flight at the end
     * simply have no later events yet.
     */
    public List<DemoEvent> history(Instant end) {
        Instant start = end.minus(Duration.ofDays(settings.historyDays()));
        CustomerJourney journey = new CustomerJourney(baskets, writer);
        List<DemoEvent> events = new ArrayList<>();
        for (Customer customer : customers) {
            EventRecorder out = new EventRecorder("aftercart-demo:" + settings.seed() + ":" + customer.id(), event -> {
                if (!event.timestamp().isAfter(end)) events.add(event);
            });
            SplittableRandom rng = new SplittableRandom(mix(settings.seed(), customer.index(), 2));
            journey.play(rng, out, customer, start.plus(customer.firstOrderAfterStart()), end);
        }
        events.sort(Comparator.comparing(DemoEvent::timestamp)); // stable: ties keep their generation order
        return events;
    }

    /** The live trickle starting at {@code start}; its ids include the start so each run's live events are new. */
    public LiveTraffic live(Instant start) {
        return new LiveTraffic(settings, customers, baskets, writer, start);
    }

    /** A well-mixed seed for one sub-stream (as SplittableRandom's mix64), so neighbouring indices don't correlate. */
    static long mix(long seed, long index, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (index * 31 + stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
