package io.aftercart.profiles.internal;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.events.IdentifyTraits;
import io.aftercart.contracts.events.NpsSurveyResponded;
import io.aftercart.contracts.events.Product;
import io.aftercart.contracts.events.ProductReviewed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a canonical event into its {@link Fact} (and, for identify and alias, an {@link IdentityLink}). Only what
 * profiles and timelines need is kept; contact data is protected on the way in, free text is dropped.
 */
public final class FactExtractor {

    /** Properties shown on the timeline: ids, amounts, scores and codes, never free text such as comments. */
    private static final Set<String> TIMELINE_PROPERTIES = Set.of("order_id", "total", "revenue", "currency",
            "return_id", "reason_code", "review_id", "product_id", "rating", "score", "survey_id", "ticket_id",
            "channel", "category", "carrier", "tracking_number", "satisfaction", "feature", "usage_count", "name",
            "previous_id", "group_id", "policy_version");

    private final PiiProtector pii;

    public FactExtractor(PiiProtector pii) {
        this.pii = pii;
    }

    /** The event's fact, or empty when it names no one (no customer id and no anonymous id). */
    public Optional<Fact> fact(CanonicalEvent event) {
        String subject = event.partitionKey();
        if (subject == null || event.id() == null || event.time() == null || event.type() == null) {
            return Optional.empty();
        }
        ObjectNode properties = event.properties() != null ? event.properties()
                : EventJson.mapper().createObjectNode();
        List<Product> products = products(properties); // read once: the timeline and the amounts both need them
        FactBuilder fact = new FactBuilder(event, subject, event.customerId() == null,
                timelineDetail(properties, products));
        try {
            describe(event.type(), properties, products, fact);
        } catch (JacksonException | IllegalArgumentException e) {
            // properties that do not map onto their record still count as activity on the timeline
        }
        return Optional.of(fact.build());
    }

    /** The stitching an identify (anonymous id to customer id) or alias (previous id to customer id) states. */
    public static Optional<IdentityLink> link(CanonicalEvent event) {
        if (event.customerId() == null || event.id() == null || event.time() == null) {
            return Optional.empty();
        }
        String source = switch (event.type()) {
            case "identify" -> event.anonymousId();
            case "alias" -> text(event.properties(), "previous_id");
            default -> null;
        };
        if (source == null || source.isBlank() || source.equals(event.customerId())) {
            return Optional.empty();
        }
        return Optional.of(new IdentityLink(event.id(), source, event.customerId(), event.time()));
    }

    private void describe(String type, ObjectNode properties, List<Product> products, FactBuilder fact) {
        EventType eventType = EventType.ofWireName(type).orElse(EventType.CUSTOM_TRACK);
        switch (eventType) {
            case ORDER_COMPLETED, ORDER_UPDATED -> fact.order(text(properties, "order_id"),
                    firstAmount(properties, "total", "revenue").orElse(lineValue(products)),
                    text(properties, "currency"), units(products));
            case ORDER_CANCELLED, ORDER_REFUNDED -> fact.order(text(properties, "order_id"),
                    amount(properties, "total").or(() -> Optional.ofNullable(lineValue(products))),
                    text(properties, "currency"), null);
            case PRODUCT_RETURNED -> {
                fact.order(text(properties, "order_id"), amount(properties, "total").orElse(lineValue(products)),
                        text(properties, "currency"), units(products));
                fact.refId = text(properties, "return_id");
            }
            case NPS_SURVEY_RESPONDED -> {
                Integer score = EventJson.propertiesAs(properties, NpsSurveyResponded.class).score();
                fact.score = score == null ? null : BigDecimal.valueOf(score);
            }
            case PRODUCT_REVIEWED -> {
                ProductReviewed review = EventJson.propertiesAs(properties, ProductReviewed.class);
                fact.score = review.rating();
                fact.refId = review.reviewId();
            }
            case SUPPORT_TICKET_OPENED, SUPPORT_TICKET_RESOLVED -> fact.refId = text(properties, "ticket_id");
            case IDENTIFY -> {
                IdentifyTraits traits = EventJson.propertiesAs(properties, IdentifyTraits.class);
                fact.email = pii.email(traits.email());
                fact.phone = pii.phone(traits.phone());
            }
            default -> {
                // page views, shipping, usage...: activity only
            }
        }
    }

    private static String timelineDetail(ObjectNode properties, List<Product> products) {
        ObjectNode detail = EventJson.mapper().createObjectNode();
        properties.properties().stream()
                .filter(entry -> TIMELINE_PROPERTIES.contains(entry.getKey()))
                .filter(entry -> entry.getValue().isValueNode())
                .forEach(entry -> detail.set(entry.getKey(), entry.getValue()));
        if (!products.isEmpty()) {
            detail.put("items", units(products));
        }
        if (properties.has("email") || properties.has("phone")) {
            Set<String> traits = new TreeSet<>(properties.propertyNames());
            traits.forEach(detail.putArray("traits")::add); // which traits were given, never their values
        }
        return EventJson.mapper().writeValueAsString(detail);
    }

    private static List<Product> products(ObjectNode properties) {
        JsonNode products = properties.get("products");
        if (products == null || !products.isArray()) {
            return List.of();
        }
        try {
            return List.of(EventJson.mapper().treeToValue(products, Product[].class));
        } catch (JacksonException e) {
            return List.of();
        }
    }

    private static int units(List<Product> products) {
        return products.stream().mapToInt(p -> p.quantity() == null ? 1 : p.quantity()).sum();
    }

    private static BigDecimal lineValue(List<Product> products) {
        if (products.stream().anyMatch(p -> p.price() == null)) {
            return null;
        }
        return products.isEmpty() ? null : products.stream()
                .map(p -> p.price().multiply(BigDecimal.valueOf(p.quantity() == null ? 1 : p.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Optional<BigDecimal> firstAmount(ObjectNode properties, String first, String second) {
        return amount(properties, first).or(() -> amount(properties, second));
    }

    private static Optional<BigDecimal> amount(ObjectNode properties, String field) {
        JsonNode value = properties.get(field);
        return value != null && value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
    }

    private static String text(ObjectNode properties, String field) {
        JsonNode value = properties == null ? null : properties.get(field);
        return value != null && (value.isString() || value.isIntegralNumber()) && !value.asString().isBlank()
                ? value.asString() : null;
    }

    /** Collects a fact's fields while the event's type decides which apply. */
    private static final class FactBuilder {
        private final CanonicalEvent event;
        private final String subject;
        private final boolean anonymous;
        private final String detail;
        private String orderId;
        private String refId;
        private BigDecimal amount;
        private String currency;
        private Integer items;
        private BigDecimal score;
        private ProtectedValue email;
        private ProtectedValue phone;

        FactBuilder(CanonicalEvent event, String subject, boolean anonymous, String detail) {
            this.event = event;
            this.subject = subject;
            this.anonymous = anonymous;
            this.detail = detail;
        }

        void order(String orderId, Optional<BigDecimal> amount, String currency, Integer items) {
            order(orderId, amount.orElse(null), currency, items);
        }

        void order(String orderId, BigDecimal amount, String currency, Integer items) {
            this.orderId = orderId;
            this.amount = amount;
            this.currency = currency;
            this.items = items;
        }

        Fact build() {
            return new Fact(event.id(), subject, anonymous, event.time(), event.type(), orderId, refId, amount,
                    currency, items, score, email, phone, detail);
        }
    }
}
