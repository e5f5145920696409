package io.aftercart.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Matches what the collector acknowledged with what later appeared on the topics: each order event (by order id) on
 * {@code aftercart.events}, the transport floor, and each customer's profile on {@code aftercart.profiles} reaching the
 * order count the event implies. Latencies run from the collector's 200 to the moment the bench's consumer received
 * the record; a record received before the 200 reached the client counts as 0. Only events marked measured are
 * recorded. Thread-safe: the sender and the consumer call it concurrently.
 */
final class FreshnessTracker {

    private static final long MAX_MICROS = Duration.ofSeconds(120).toNanos() / 1_000;

    private record Pending(long ackNanos, boolean measured) {
    }

    private record Seen(int orderCount, long atNanos) {
    }

    private final Map<String, Pending> awaitingEvent = new HashMap<>();
    private final Map<String, Long> eventSeenEarly = new HashMap<>();
    private final Map<String, TreeMap<Integer, Pending>> awaitingProfile = new HashMap<>();
    private final Map<String, Seen> profiles = new HashMap<>();
    private final Histogram transport = new Histogram(MAX_MICROS, 3);
    private final Histogram profile = new Histogram(MAX_MICROS, 3);
    private long measuredPendingEvents;
    private long measuredPendingProfiles;

    /** The collector answered 200 for an order that brings {@code customerId} to {@code orderCount} orders. */
    synchronized void acknowledged(String orderId, String customerId, int orderCount, long ackNanos, boolean measured) {
        Long seen = eventSeenEarly.remove(orderId);
        if (seen != null) {
            record(transport, seen - ackNanos, measured);
        } else {
            awaitingEvent.put(orderId, new Pending(ackNanos, measured));
            measuredPendingEvents += measured ? 1 : 0;
        }
        Seen reached = profiles.get(customerId);
        if (reached != null && reached.orderCount >= orderCount) {
            record(profile, reached.atNanos - ackNanos, measured);
        } else {
            awaitingProfile.computeIfAbsent(customerId, c -> new TreeMap<>())
                    .put(orderCount, new Pending(ackNanos, measured));
            measuredPendingProfiles += measured ? 1 : 0;
        }
    }

    synchronized void eventSeen(String orderId, long atNanos) {
        Pending pending = awaitingEvent.remove(orderId);
        if (pending == null) {
            eventSeenEarly.put(orderId, atNanos);
            return;
        }
        record(transport, atNanos - pending.ackNanos, pending.measured);
        measuredPendingEvents -= pending.measured ? 1 : 0;
    }

    synchronized void profileSeen(String customerId, int orderCount, long atNanos) {
        Seen previous = profiles.get(customerId);
        if (previous == null || orderCount > previous.orderCount) {
            profiles.put(customerId, new Seen(orderCount, atNanos));
        }
        TreeMap<Integer, Pending> pending = awaitingProfile.get(customerId);
        if (pending == null) {
            return;
        }
        for (Iterator<Pending> reached = pending.headMap(orderCount, true).values().iterator(); reached.hasNext(); ) {
            Pending order = reached.next();
            record(profile, atNanos - order.ackNanos, order.measured);
            measuredPendingProfiles -= order.measured ? 1 : 0;
            reached.remove();
        }
        if (pending.isEmpty()) {
            awaitingProfile.remove(customerId);
        }
    }

    synchronized long measuredPending() {
        return measuredPendingEvents + measuredPendingProfiles;
    }

    /** Orders acknowledged, measured or not, whose profile has not shown them yet. */
    synchronized long pendingProfiles() {
        return awaitingProfile.values().stream().mapToLong(TreeMap::size).sum();
    }

    synchronized long measuredPendingProfiles() {
        return measuredPendingProfiles;
    }

    synchronized Histogram transport() {
        return transport.copy();
    }

    synchronized Histogram profile() {
        return profile.copy();
    }

    private static void record(Histogram histogram, long nanos, boolean measured) {
        if (measured) {
            histogram.recordValue(Math.min(Math.max(nanos, 0) / 1_000, MAX_MICROS));
        }
    }
}
