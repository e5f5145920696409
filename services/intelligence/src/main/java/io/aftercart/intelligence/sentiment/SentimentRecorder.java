package io.aftercart.intelligence.sentiment;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.events.NpsSurveyResponded;
import io.aftercart.contracts.events.ProductReviewed;
import io.aftercart.contracts.events.SupportTicketOpened;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Scores the texts in a batch of canonical events (reviews, support tickets, NPS comments), hands the new results to
 * a publisher and then stores them. Events already scored are skipped, so a redelivered batch publishes nothing
 * again; if the process dies between publishing and storing, the batch is redelivered and published once more
 * (at-least-once). Order events only update when each order was last active, for the service-recovery trigger.
 */
public class SentimentRecorder {

    private static final Logger log = LoggerFactory.getLogger(SentimentRecorder.class);
    private static final Set<String> ORDER_ACTIVITY = Set.of(EventType.ORDER_COMPLETED.wireName(),
            EventType.ORDER_UPDATED.wireName(), EventType.ORDER_SHIPPED.wireName(),
            EventType.ORDER_DELIVERED.wireName());

    /**
     * The types of the events {@link #record} reads (order activity and the texts of {@link SourceType}); events
     * of other types need not be read at all.
     */
    public static final Set<String> EVENT_TYPES = Stream.concat(ORDER_ACTIVITY.stream(),
                    Stream.of(SourceType.values()).map(type -> type.eventType().wireName()))
            .collect(Collectors.toUnmodifiableSet());

    private final SentimentAnalyzer analyzer;
    private final SentimentStore store;
    private final SentimentProperties properties;

    public SentimentRecorder(SentimentAnalyzer analyzer, SentimentStore store, SentimentProperties properties) {
        this.analyzer = analyzer;
        this.store = store;
        this.properties = properties;
    }

    /**
     * @param publisher receives the new results in event order and returns once they are durable where published
     * @return the new results
     */
    public List<SentimentResult> record(List<CanonicalEvent> events, Consumer<List<SentimentResult>> publisher) {
        store.recordOrderActivity(latestOrderActivity(events));
        Map<String, Text> texts = new LinkedHashMap<>();
        for (CanonicalEvent event : events) {
            Text text = textOf(event);
            if (text != null) {
                texts.putIfAbsent(event.id(), text);
            }
        }
        store.scoredEventIds(texts.keySet()).forEach(texts::remove);
        if (texts.isEmpty()) {
            return List.of();
        }
        Map<String, Instant> orderActivity = store.orderActivity(texts.values().stream()
                .map(Text::orderId).filter(id -> id != null).toList());
        List<SentimentResult> results = new ArrayList<>(texts.size());
        texts.values().forEach(text -> results.add(score(text, orderActivity)));
        publisher.accept(results);
        store.save(results);
        return results;
    }

    private SentimentResult score(Text text, Map<String, Instant> orderActivity) {
        CanonicalEvent event = text.event();
        TextSentiment sentiment = analyzer.analyze(text.body());
        SentimentScore score = sentiment.score();
        Instant lastActive = text.orderId() == null ? null : orderActivity.get(text.orderId());
        boolean recovery = score.compound() <= properties.serviceRecoveryThreshold() && lastActive != null
                && !lastActive.isBefore(event.time().minus(properties.serviceRecoveryRecency()));
        return new SentimentResult(event.id(), event.partitionKey(), text.type(), text.productId(), text.orderId(),
                text.rating(), event.time(), score.compound(), score.label(), score.pos(), score.neu(), score.neg(),
                sentiment.aspects(), recovery);
    }

    private record Text(CanonicalEvent event, SourceType type, String body, String productId, String orderId,
            BigDecimal rating) {
    }

    /** The text an event carries, or null when it carries none (or its properties do not fit its schema). */
    private static Text textOf(CanonicalEvent event) {
        SourceType type = SourceType.ofEventType(event.type());
        if (type == null || event.properties() == null || event.id() == null || event.time() == null) {
            return null;
        }
        try {
            Text text = switch (type) {
                case REVIEW -> {
                    ProductReviewed review = event.propertiesAs(ProductReviewed.class);
                    yield new Text(event, type, review.reviewBody(), review.productId(), review.orderId(),
                            review.rating());
                }
                case SUPPORT_TICKET -> {
                    SupportTicketOpened ticket = event.propertiesAs(SupportTicketOpened.class);
                    yield new Text(event, type, joinLines(ticket.subject(), ticket.body()), null, ticket.orderId(),
                            null);
                }
                case NPS_COMMENT -> {
                    NpsSurveyResponded nps = event.propertiesAs(NpsSurveyResponded.class);
                    yield new Text(event, type, nps.comment(), null, nps.orderId(),
                            nps.score() == null ? null : BigDecimal.valueOf(nps.score()));
                }
            };
            return text.body() == null || text.body().isBlank() ? null : text;
        } catch (RuntimeException e) {
            // the collector validates properties, so this is rare; the event id is no personal data
            log.warn("Skipped event {} whose properties do not fit {}: {}", event.id(), event.type(),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static String joinLines(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first + "\n" + second;
    }

    private static Map<String, Instant> latestOrderActivity(List<CanonicalEvent> events) {
        Map<String, Instant> latest = new HashMap<>();
        for (CanonicalEvent event : events) {
            if (ORDER_ACTIVITY.contains(event.type()) && event.properties() != null && event.time() != null) {
                JsonNode orderId = event.properties().get("order_id");
                if (orderId != null && orderId.isString() && !orderId.asString().isBlank()) {
                    latest.merge(orderId.asString(), event.time(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return latest;
    }
}
