package io.aftercart.profiles.internal;

import io.aftercart.contracts.EventType;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.reporting.OrderMoney;
import io.aftercart.profiles.CustomerProfile;
import io.aftercart.profiles.CustomerProfile.NegativeExperience;
import io.aftercart.profiles.CustomerProfile.UnconvertibleAmounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Computes a profile from all facts of a customer and their stitched ids. The facts are replayed in event-time
 * order (duplicates by event id counted once), and money is netted per order at the end with {@link OrderMoney}, so
 * the result is the same however late, out of order or often the events arrived, and a return settled by a refund
 * counts once. Refunds, returns and cancellations are grouped by their order id; one without an order id is an order
 * of its own. Amounts are converted into the reporting currency; an amount in a currency without a rate is left out
 * and reported as unconvertible.
 */
public final class ProfileFold {

    private final CurrencyConverter converter;

    public ProfileFold(CurrencyConverter converter) {
        this.converter = converter;
    }

    /**
     * @param memberIds   every id stitched to the customer, the customer id included
     * @param facts       the facts of all those ids
     * @param prediction  the customer's latest prediction, or null
     * @param sentiments  the sentiment results of the customer's scored texts
     */
    public FoldedProfile fold(String customerId, Collection<String> memberIds, Collection<Fact> facts,
            Prediction prediction, Collection<SentimentResult> sentiments) {
        Replay replay = new Replay();
        facts.stream().collect(Collectors.toMap(Fact::eventId, f -> f, (first, again) -> first)).values().stream()
                .sorted(Fact.EVENT_ORDER)
                .forEach(replay::apply);
        return replay.result(customerId, memberIds, prediction, sentiments);
    }

    private static OrderMoney sum(OrderMoney a, OrderMoney b) {
        return new OrderMoney(a.total().add(b.total()), a.refunded().add(b.refunded()),
                a.cancelled().add(b.cancelled()), a.returned().add(b.returned()));
    }

    static String npsClass(Integer score) {
        if (score == null) {
            return null;
        }
        return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
    }

    /** An order's latest stated value and the cancellations against it. */
    private static final class Order {
        Instant completedAt;
        BigDecimal amount;
        String currency;
        Integer items;
        boolean cancelled;
        /** A cancellation without an amount takes back the whole order. */
        boolean cancelledWhole;
        final List<Amount> cancellations = new ArrayList<>();
    }

    /** An amount taken back, and the order (or pseudo-order) it is taken from. */
    private record Amount(String orderKey, BigDecimal amount, String currency, Integer items) {
    }

    /** The state of one fold while its facts are applied in order. */
    private final class Replay {
        private final Map<String, Order> orders = new LinkedHashMap<>();
        private final List<Amount> refunds = new ArrayList<>();
        private final Map<String, Amount> returns = new LinkedHashMap<>();
        private final Map<String, BigDecimal> ratings = new LinkedHashMap<>();
        private final Set<String> ticketsOpened = new HashSet<>();
        private final Set<String> ticketsResolved = new HashSet<>();
        private final Map<String, String> typeByEvent = new HashMap<>();
        private final Set<String> unconvertibleCurrencies = new TreeSet<>();
        private int unconvertibleCount;
        private Fact latestNps;
        private ProtectedValue email;
        private ProtectedValue phone;
        private Instant lastActivity;

        void apply(Fact fact) {
            typeByEvent.put(fact.eventId(), fact.type());
            lastActivity = fact.time();
            String orderKey = fact.orderId() != null ? fact.orderId() : fact.eventId();
            switch (EventType.ofWireName(fact.type()).orElse(EventType.CUSTOM_TRACK)) {
                case ORDER_COMPLETED -> {
                    Order order = orders.computeIfAbsent(orderKey, k -> new Order());
                    order.completedAt = order.completedAt == null ? fact.time() : order.completedAt;
                    order.amount = fact.amount();
                    order.currency = fact.currency();
                    order.items = fact.items();
                }
                case ORDER_UPDATED -> {
                    Order order = orders.computeIfAbsent(orderKey, k -> new Order());
                    if (fact.amount() != null) {
                        order.amount = fact.amount();
                        order.currency = fact.currency();
                    }
                    order.items = fact.items() != null ? fact.items() : order.items;
                }
                case ORDER_CANCELLED -> {
                    Order order = orders.computeIfAbsent(orderKey, k -> new Order());
                    order.cancelled = true;
                    if (fact.amount() == null) {
                        order.cancelledWhole = true;
                    } else {
                        order.cancellations.add(new Amount(orderKey, fact.amount(), fact.currency(), null));
                    }
                }
                case ORDER_REFUNDED -> refunds.add(new Amount(orderKey, fact.amount(), fact.currency(), null));
                case PRODUCT_RETURNED -> returns.put(fact.refId() != null ? fact.refId() : fact.eventId(),
                        new Amount(orderKey, fact.amount(), fact.currency(), fact.items()));
                case NPS_SURVEY_RESPONDED -> latestNps = fact.score() != null ? fact : latestNps;
                case PRODUCT_REVIEWED -> {
                    if (fact.score() != null) {
                        ratings.put(fact.refId() != null ? fact.refId() : fact.eventId(), fact.score());
                    }
                }
                case SUPPORT_TICKET_OPENED -> ticketsOpened.add(fact.refId() != null ? fact.refId() : fact.eventId());
                case SUPPORT_TICKET_RESOLVED -> ticketsResolved.add(fact.refId() != null ? fact.refId() : fact.eventId());
                case IDENTIFY -> {
                    email = fact.email() != null ? fact.email() : email;
                    phone = fact.phone() != null ? fact.phone() : phone;
                }
                default -> {
                    // activity only
                }
            }
        }

        FoldedProfile result(String customerId, Collection<String> memberIds, Prediction prediction,
                Collection<SentimentResult> sentiments) {
            Map<String, OrderMoney> money = new HashMap<>();
            BigDecimal refundValue = BigDecimal.ZERO;
            for (Amount refund : refunds) {
                BigDecimal value = report(refund.amount(), refund.currency()).orElse(BigDecimal.ZERO);
                refundValue = refundValue.add(value);
                money.merge(refund.orderKey(), OrderMoney.NONE.plusRefund(value), ProfileFold::sum);
            }
            BigDecimal returnValue = BigDecimal.ZERO;
            long returnedItems = 0;
            for (Amount returned : returns.values()) {
                BigDecimal value = report(returned.amount(), returned.currency()).orElse(BigDecimal.ZERO);
                returnValue = returnValue.add(value);
                returnedItems += returned.items() == null ? 0 : returned.items();
                money.merge(returned.orderKey(), OrderMoney.NONE.plusReturned(value), ProfileFold::sum);
            }

            Instant firstOrder = null;
            Instant lastOrder = null;
            int orderCount = 0;
            int cancellations = 0;
            int valuedOpenOrders = 0;
            long itemsBought = 0;
            BigDecimal openValue = BigDecimal.ZERO;
            for (Map.Entry<String, Order> entry : orders.entrySet()) {
                Order order = entry.getValue();
                Optional<BigDecimal> value = order.completedAt == null ? Optional.empty()
                        : report(order.amount, order.currency);
                BigDecimal total = value.orElse(BigDecimal.ZERO);
                BigDecimal cancelled = order.cancelledWhole ? total : BigDecimal.ZERO;
                for (Amount cancellation : order.cancelledWhole ? List.<Amount>of() : order.cancellations) {
                    cancelled = cancelled.add(report(cancellation.amount(), cancellation.currency()).orElse(BigDecimal.ZERO));
                }
                money.merge(entry.getKey(), OrderMoney.NONE.withTotal(total).plusCancelled(cancelled), ProfileFold::sum);
                if (order.completedAt != null) {
                    orderCount++;
                    firstOrder = firstOrder == null || order.completedAt.isBefore(firstOrder) ? order.completedAt : firstOrder;
                    lastOrder = lastOrder == null || order.completedAt.isAfter(lastOrder) ? order.completedAt : lastOrder;
                }
                boolean fullyCancelled = order.cancelled && cancelled.compareTo(total) >= 0;
                if (order.cancelled) {
                    cancellations++;
                }
                if (order.completedAt != null && !fullyCancelled) {
                    itemsBought += order.items == null ? 0 : order.items;
                    if (value.isPresent()) {
                        valuedOpenOrders++;
                        openValue = openValue.add(value.get());
                    }
                }
            }
            BigDecimal net = money.values().stream().map(OrderMoney::net).reduce(BigDecimal.ZERO, BigDecimal::add);

            Integer npsScore = latestNps == null ? null : latestNps.score().intValue();
            Double meanRating = ratings.isEmpty() ? null
                    : ratings.values().stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
            List<SentimentResult> scored = sentiments.stream()
                    .collect(Collectors.toMap(SentimentResult::eventId, s -> s, (first, again) -> first))
                    .values().stream().sorted(SentimentResult.TIME_ORDER).toList();
            Double meanSentiment = scored.isEmpty() ? null
                    : scored.stream().mapToDouble(SentimentResult::compound).average().orElseThrow();
            NegativeExperience negative = scored.stream().filter(SentimentResult::negative)
                    .reduce((earlier, later) -> later)
                    .map(s -> new NegativeExperience(s.eventId(), s.time(), typeByEvent.get(s.eventId()),
                            s.compound(), s.worstAspect()))
                    .orElse(null);
            Optional<Prediction> p = Optional.ofNullable(prediction);

            CustomerProfile profile = new CustomerProfile(
                    customerId,
                    memberIds.stream().filter(id -> !id.equals(customerId)).sorted().toList(),
                    email != null,
                    phone != null,
                    converter.reportingCurrency(),
                    firstOrder,
                    lastOrder,
                    null,
                    orderCount,
                    Money.of(net),
                    valuedOpenOrders == 0 ? null : Money.ratio(net, valuedOpenOrders),
                    itemsBought,
                    returns.size(),
                    returnedItems,
                    Money.of(returnValue),
                    itemsBought == 0 ? null : (double) returnedItems / itemsBought,
                    openValue.signum() == 0 ? null : returnValue.doubleValue() / openValue.doubleValue(),
                    cancellations,
                    refunds.size(),
                    Money.of(refundValue),
                    unconvertible(),
                    npsScore,
                    npsClass(npsScore),
                    latestNps == null ? null : latestNps.time(),
                    ratings.size(),
                    meanRating,
                    (int) ticketsOpened.stream().filter(id -> !ticketsResolved.contains(id)).count(),
                    ticketsResolved.size(),
                    lastActivity,
                    p.map(Prediction::churnProbability).orElse(null),
                    p.map(Prediction::clv).map(Money::of).orElse(null),
                    p.map(Prediction::clvLow).map(Money::of).orElse(null),
                    p.map(Prediction::clvHigh).map(Money::of).orElse(null),
                    p.map(Prediction::expectedNextOrder).orElse(null),
                    p.map(Prediction::atRisk).orElse(null),
                    p.map(Prediction::modelVersion).orElse(null),
                    meanSentiment,
                    negative);
            return new FoldedProfile(profile, email, phone);
        }

        /** The amount in the reporting currency; empty (and noted as unconvertible) when there is no rate. */
        private Optional<BigDecimal> report(BigDecimal amount, String currency) {
            if (amount == null) {
                return Optional.empty();
            }
            Optional<BigDecimal> reported = converter.toReporting(amount, currency);
            if (reported.isEmpty()) {
                unconvertibleCount++;
                unconvertibleCurrencies.add(currency);
            }
            return reported;
        }

        private UnconvertibleAmounts unconvertible() {
            if (unconvertibleCount == 0) {
                return null;
            }
            String reason = unconvertibleCurrencies.stream().map(converter::missingRateReason)
                    .collect(Collectors.joining("; "));
            return new UnconvertibleAmounts(unconvertibleCount, List.copyOf(unconvertibleCurrencies),
                    unconvertibleCount + " amount(s) left out of the money figures. " + reason);
        }
    }
}
