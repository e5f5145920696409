package io.aftercart.profiles.internal;

import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.reporting.OrderMoney;
import io.aftercart.profiles.CustomerProfile;
import io.aftercart.profiles.CustomerProfile.NegativeExperience;
import io.aftercart.profiles.CustomerProfile.UnconvertibleAmounts;
import io.aftercart.profiles.internal.FoldState.Amount;
import io.aftercart.profiles.internal.FoldState.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes a profile from a customer's {@link FoldState}: their facts replayed in event-time order (duplicates by event
 * id counted once), with money netted per order at the end with {@link OrderMoney}, so the result is the same however
 * late, out of order or often the events arrived, and a return settled by a refund counts once. Refunds, returns and
 * cancellations are grouped by their order id; one without an order id is an order of its own. Amounts are converted
 * into the reporting currency; an amount in a currency without a rate is left out and reported as unconvertible.
 */
public final class ProfileFold {

    private final CurrencyConverter converter;

    public ProfileFold(CurrencyConverter converter) {
        this.converter = converter;
    }

    /**
     * Folds all facts of a customer and their stitched ids.
     *
     * @param memberIds   every id stitched to the customer, the customer id included
     * @param facts       the facts of all those ids
     * @param prediction  the customer's latest prediction, or null
     * @param sentiments  the sentiment results of the customer's scored texts
     */
    public FoldedProfile fold(String customerId, Collection<String> memberIds, Collection<Fact> facts,
            Prediction prediction, Collection<SentimentResult> sentiments) {
        Map<String, String> typeByEvent = new HashMap<>();
        facts.forEach(f -> typeByEvent.putIfAbsent(f.eventId(), f.type()));
        return profile(customerId, FoldState.replay(memberIds, facts), prediction, sentiments, typeByEvent::get);
    }

    /**
     * The profile of a fold state.
     *
     * @param typeOfEvent the type of an event of the customer's ids by its id, or null when it is not one of theirs
     *                    (names the source of the latest negative sentiment)
     */
    public FoldedProfile profile(String customerId, FoldState state, Prediction prediction,
            Collection<SentimentResult> sentiments, Function<String, String> typeOfEvent) {
        Conversion conversion = new Conversion();
        Map<String, OrderMoney> money = new HashMap<>();
        BigDecimal refundValue = BigDecimal.ZERO;
        for (Amount refund : state.refunds()) {
            BigDecimal value = conversion.report(refund.amount(), refund.currency()).orElse(BigDecimal.ZERO);
            refundValue = refundValue.add(value);
            money.merge(refund.orderKey(), OrderMoney.NONE.plusRefund(value), ProfileFold::sum);
        }
        BigDecimal returnValue = BigDecimal.ZERO;
        long returnedItems = 0;
        for (Amount returned : state.returns()) {
            BigDecimal value = conversion.report(returned.amount(), returned.currency()).orElse(BigDecimal.ZERO);
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
        for (Map.Entry<String, Order> entry : state.orders().entrySet()) {
            Order order = entry.getValue();
            Optional<BigDecimal> value = order.completedAt() == null ? Optional.empty()
                    : conversion.report(order.amount(), order.currency());
            BigDecimal total = value.orElse(BigDecimal.ZERO);
            BigDecimal cancelled = order.cancelledWhole() ? total : BigDecimal.ZERO;
            for (Amount cancellation : order.cancelledWhole() ? List.<Amount>of() : order.cancellations()) {
                cancelled = cancelled.add(conversion.report(cancellation.amount(), cancellation.currency())
                        .orElse(BigDecimal.ZERO));
            }
            money.merge(entry.getKey(), OrderMoney.NONE.withTotal(total).plusCancelled(cancelled), ProfileFold::sum);
            if (order.completedAt() != null) {
                orderCount++;
                firstOrder = firstOrder == null || order.completedAt().isBefore(firstOrder) ? order.completedAt()
                        : firstOrder;
                lastOrder = lastOrder == null || order.completedAt().isAfter(lastOrder) ? order.completedAt()
                        : lastOrder;
            }
            boolean fullyCancelled = order.cancelled() && cancelled.compareTo(total) >= 0;
            if (order.cancelled()) {
                cancellations++;
            }
            if (order.completedAt() != null && !fullyCancelled) {
                itemsBought += order.items() == null ? 0 : order.items();
                if (value.isPresent()) {
                    valuedOpenOrders++;
                    openValue = openValue.add(value.get());
                }
            }
        }
        BigDecimal net = money.values().stream().map(OrderMoney::net).reduce(BigDecimal.ZERO, BigDecimal::add);

        Integer npsScore = state.npsScore() == null ? null : state.npsScore().intValue();
        Double meanRating = state.ratings().isEmpty() ? null
                : state.ratings().stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        List<SentimentResult> scored = distinctInTimeOrder(sentiments);
        Double meanSentiment = scored.isEmpty() ? null
                : scored.stream().mapToDouble(SentimentResult::compound).average().orElseThrow();
        NegativeExperience negative = latestNegative(scored)
                .map(s -> new NegativeExperience(s.eventId(), s.time(), typeOfEvent.apply(s.eventId()),
                        s.compound(), s.worstAspect()))
                .orElse(null);
        Optional<Prediction> p = Optional.ofNullable(prediction);

        CustomerProfile profile = new CustomerProfile(
                customerId,
                state.members().stream().filter(id -> !id.equals(customerId)).toList(),
                state.email() != null,
                state.phone() != null,
                converter.reportingCurrency(),
                firstOrder,
                lastOrder,
                null,
                orderCount,
                Money.of(net),
                valuedOpenOrders == 0 ? null : Money.ratio(net, valuedOpenOrders),
                itemsBought,
                state.returns().size(),
                returnedItems,
                Money.of(returnValue),
                itemsBought == 0 ? null : (double) returnedItems / itemsBought,
                openValue.signum() == 0 ? null : returnValue.doubleValue() / openValue.doubleValue(),
                cancellations,
                state.refunds().size(),
                Money.of(refundValue),
                conversion.unconvertible(),
                npsScore,
                npsClass(npsScore),
                state.npsAt(),
                state.ratings().size(),
                meanRating,
                state.openTickets(),
                state.resolvedTickets(),
                state.lastTime(),
                p.map(Prediction::churnProbability).orElse(null),
                p.map(Prediction::clv).map(Money::of).orElse(null),
                p.map(Prediction::clvLow).map(Money::of).orElse(null),
                p.map(Prediction::clvHigh).map(Money::of).orElse(null),
                p.map(Prediction::expectedNextOrder).orElse(null),
                p.map(Prediction::atRisk).orElse(null),
                p.map(Prediction::modelVersion).orElse(null),
                meanSentiment,
                negative);
        return new FoldedProfile(profile, state);
    }

    /** The latest scored text with a negative sentiment, by time (duplicates by event id counted once). */
    public static Optional<SentimentResult> latestNegative(Collection<SentimentResult> sentiments) {
        return distinctInTimeOrder(sentiments).stream().filter(SentimentResult::negative)
                .reduce((earlier, later) -> later);
    }

    private static List<SentimentResult> distinctInTimeOrder(Collection<SentimentResult> sentiments) {
        return sentiments.stream()
                .collect(Collectors.toMap(SentimentResult::eventId, s -> s, (first, again) -> first))
                .values().stream().sorted(SentimentResult.TIME_ORDER).toList();
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

    /** Converts the amounts of one profile, noting those in a currency without a rate. */
    private final class Conversion {
        private final Set<String> unconvertibleCurrencies = new TreeSet<>();
        private int unconvertibleCount;

        /** The amount in the reporting currency; empty (and noted as unconvertible) when there is no rate. */
        Optional<BigDecimal> report(BigDecimal amount, String currency) {
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

        UnconvertibleAmounts unconvertible() {
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
