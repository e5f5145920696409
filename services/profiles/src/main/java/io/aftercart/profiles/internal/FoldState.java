package io.aftercart.profiles.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where the fold of one customer stands after their facts up to a position in event order: everything the profile is
 * computed from (orders with their latest stated value and cancellations, refunds, returns, ratings, tickets, the
 * latest NPS answer, contact data), the ids whose facts it holds, and the last fact applied. Applying facts that come
 * later in event order continues it exactly as a fold over the whole history would, so it is stored beside the
 * profile and an in-order event costs one fact instead of the customer's history. It grows with orders, returns,
 * reviews and tickets, not with events. Amounts stay in their own currency; {@link ProfileFold} converts them when it
 * computes the profile, so a changed rate applies to the next profile as it would after a full fold.
 *
 * <p>Stored as JSON without the contact data, which the profile row keeps in its own columns.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class FoldState {

    private TreeSet<String> members = new TreeSet<>();
    /** The event time and event id of the last fact applied ({@link Fact#EVENT_ORDER}); null before the first. */
    private Instant lastTime;
    private String lastEventId;
    private LinkedHashMap<String, Order> orders = new LinkedHashMap<>();
    private ArrayList<Amount> refunds = new ArrayList<>();
    private LinkedHashMap<String, Amount> returns = new LinkedHashMap<>();
    private LinkedHashMap<String, BigDecimal> ratings = new LinkedHashMap<>();
    private TreeSet<String> ticketsOpened = new TreeSet<>();
    private TreeSet<String> ticketsResolved = new TreeSet<>();
    private BigDecimal npsScore;
    private Instant npsAt;
    @JsonIgnore
    private ProtectedValue email;
    @JsonIgnore
    private ProtectedValue phone;

    private FoldState() {
    }

    /**
     * The fold of {@code facts} in event-time order, duplicates by event id counted once, so the result is the same
     * however late, out of order or often they arrived.
     *
     * @param memberIds every id stitched to the customer, the customer id included
     * @param facts     the facts of all those ids
     */
    public static FoldState replay(Collection<String> memberIds, Collection<Fact> facts) {
        FoldState state = new FoldState();
        state.members.addAll(memberIds);
        facts.stream().collect(Collectors.toMap(Fact::eventId, f -> f, (first, again) -> first)).values().stream()
                .sorted(Fact.EVENT_ORDER)
                .forEach(state::apply);
        return state;
    }

    /** A stored state, with the contact data kept beside it. */
    static FoldState read(String json, ProtectedValue email, ProtectedValue phone) {
        FoldState state = EventJson.mapper().readValue(json, FoldState.class);
        state.email = email;
        state.phone = phone;
        return state;
    }

    String toJson() {
        return EventJson.mapper().writeValueAsString(this);
    }

    /**
     * Whether applying {@code newer} (distinct facts not applied yet, in event order) gives what a fold over all facts
     * would: the ids are still the ones this state was folded over, and every fact comes after the last one applied.
     */
    boolean continuesWith(Set<String> memberIds, List<Fact> newer) {
        if (!members.equals(memberIds)) {
            return false;
        }
        if (newer.isEmpty() || lastTime == null) {
            return true;
        }
        Fact first = newer.get(0);
        int byTime = first.time().compareTo(lastTime);
        return byTime > 0 || byTime == 0 && first.eventId().compareTo(lastEventId) > 0;
    }

    /** Applies the next fact in event order. */
    void apply(Fact fact) {
        lastTime = fact.time();
        lastEventId = fact.eventId();
        String orderKey = fact.orderId() != null ? fact.orderId() : fact.eventId();
        switch (EventType.ofWireName(fact.type()).orElse(EventType.CUSTOM_TRACK)) {
            case ORDER_COMPLETED -> orders.put(orderKey, orders.getOrDefault(orderKey, Order.NONE).completed(fact));
            case ORDER_UPDATED -> orders.put(orderKey, orders.getOrDefault(orderKey, Order.NONE).updated(fact));
            case ORDER_CANCELLED -> orders.put(orderKey,
                    orders.getOrDefault(orderKey, Order.NONE).cancelled(orderKey, fact));
            case ORDER_REFUNDED -> refunds.add(new Amount(orderKey, fact.amount(), fact.currency(), null));
            case PRODUCT_RETURNED -> returns.put(refOrEventId(fact),
                    new Amount(orderKey, fact.amount(), fact.currency(), fact.items()));
            case NPS_SURVEY_RESPONDED -> {
                if (fact.score() != null) {
                    npsScore = fact.score();
                    npsAt = fact.time();
                }
            }
            case PRODUCT_REVIEWED -> {
                if (fact.score() != null) {
                    ratings.put(refOrEventId(fact), fact.score());
                }
            }
            case SUPPORT_TICKET_OPENED -> ticketsOpened.add(refOrEventId(fact));
            case SUPPORT_TICKET_RESOLVED -> ticketsResolved.add(refOrEventId(fact));
            case IDENTIFY -> {
                email = fact.email() != null ? fact.email() : email;
                phone = fact.phone() != null ? fact.phone() : phone;
            }
            default -> {
                // activity only
            }
        }
    }

    private static String refOrEventId(Fact fact) {
        return fact.refId() != null ? fact.refId() : fact.eventId();
    }

    Set<String> members() {
        return members;
    }

    /** The time of the latest fact: the customer's last activity. */
    Instant lastTime() {
        return lastTime;
    }

    Map<String, Order> orders() {
        return orders;
    }

    List<Amount> refunds() {
        return refunds;
    }

    Collection<Amount> returns() {
        return returns.values();
    }

    Collection<BigDecimal> ratings() {
        return ratings.values();
    }

    int openTickets() {
        return (int) ticketsOpened.stream().filter(id -> !ticketsResolved.contains(id)).count();
    }

    int resolvedTickets() {
        return ticketsResolved.size();
    }

    BigDecimal npsScore() {
        return npsScore;
    }

    Instant npsAt() {
        return npsAt;
    }

    ProtectedValue email() {
        return email;
    }

    ProtectedValue phone() {
        return phone;
    }

    /**
     * An order's latest stated value and the cancellations against it; {@code completedAt} is null while only updates
     * or cancellations of it are known.
     *
     * @param cancelledWhole whether a cancellation without an amount took back the whole order
     */
    record Order(Instant completedAt, BigDecimal amount, String currency, Integer items, boolean cancelled,
            boolean cancelledWhole, List<Amount> cancellations) {

        static final Order NONE = new Order(null, null, null, null, false, false, List.of());

        Order completed(Fact fact) {
            return new Order(completedAt == null ? fact.time() : completedAt, fact.amount(), fact.currency(),
                    fact.items(), cancelled, cancelledWhole, cancellations);
        }

        Order updated(Fact fact) {
            boolean restated = fact.amount() != null;
            return new Order(completedAt, restated ? fact.amount() : amount, restated ? fact.currency() : currency,
                    fact.items() != null ? fact.items() : items, cancelled, cancelledWhole, cancellations);
        }

        Order cancelled(String orderKey, Fact fact) {
            if (fact.amount() == null) {
                return new Order(completedAt, amount, currency, items, true, true, cancellations);
            }
            List<Amount> more = new ArrayList<>(cancellations);
            more.add(new Amount(orderKey, fact.amount(), fact.currency(), null));
            return new Order(completedAt, amount, currency, items, true, cancelledWhole, more);
        }
    }

    /** An amount taken back, and the order (or pseudo-order) it is taken from. */
    record Amount(String orderKey, BigDecimal amount, String currency, Integer items) {
    }
}
