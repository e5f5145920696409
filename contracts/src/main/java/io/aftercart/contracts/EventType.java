package io.aftercart.contracts;

import io.aftercart.contracts.events.ConsentUpdated;
import io.aftercart.contracts.events.IdentifyTraits;
import io.aftercart.contracts.events.NpsSurveyResponded;
import io.aftercart.contracts.events.OrderCancelled;
import io.aftercart.contracts.events.OrderCompleted;
import io.aftercart.contracts.events.OrderDelivered;
import io.aftercart.contracts.events.OrderRefunded;
import io.aftercart.contracts.events.OrderShipped;
import io.aftercart.contracts.events.OrderUpdated;
import io.aftercart.contracts.events.ProductReturned;
import io.aftercart.contracts.events.ProductReviewed;
import io.aftercart.contracts.events.ProductUsed;
import io.aftercart.contracts.events.ReturnRequested;
import io.aftercart.contracts.events.SupportTicketOpened;
import io.aftercart.contracts.events.SupportTicketResolved;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event type Aftercart accepts, with its wire name (the Segment event name or call type) and its
 * versioned schema ({@code <schema_key>/<SchemaVer>}). A schema change adds a version; it never edits one.
 */
public enum EventType {
    ORDER_COMPLETED("Order Completed", OrderCompleted.class),
    ORDER_UPDATED("Order Updated", OrderUpdated.class),
    ORDER_CANCELLED("Order Cancelled", OrderCancelled.class),
    ORDER_REFUNDED("Order Refunded", OrderRefunded.class),
    ORDER_SHIPPED("Order Shipped", OrderShipped.class),
    ORDER_DELIVERED("Order Delivered", OrderDelivered.class),
    RETURN_REQUESTED("Return Requested", ReturnRequested.class),
    PRODUCT_RETURNED("Product Returned", ProductReturned.class),
    PRODUCT_REVIEWED("Product Reviewed", ProductReviewed.class),
    NPS_SURVEY_RESPONDED("NPS Survey Responded", NpsSurveyResponded.class),
    SUPPORT_TICKET_OPENED("Support Ticket Opened", SupportTicketOpened.class),
    SUPPORT_TICKET_RESOLVED("Support Ticket Resolved", SupportTicketResolved.class),
    PRODUCT_USED("Product Used", ProductUsed.class),
    CONSENT_UPDATED("Consent Updated", ConsentUpdated.class),
    IDENTIFY("identify", IdentifyTraits.class),
    PAGE("page", ObjectNode.class),
    SCREEN("screen", ObjectNode.class),
    GROUP("group", ObjectNode.class),
    ALIAS("alias", ObjectNode.class),
    /** A track event whose name is not in the catalogue; its schema accepts any properties object. */
    CUSTOM_TRACK(null, ObjectNode.class);

    /** The SchemaVer every type currently has; a new version would be added per type, not bumped here. */
    public static final String SCHEMA_VERSION = "1-0-0";

    private static final Map<String, EventType> BY_WIRE_NAME = Stream.of(values())
            .filter(t -> t.wireName != null)
            .collect(Collectors.toUnmodifiableMap(t -> t.wireName, Function.identity()));

    private static final Map<String, EventType> BY_SCHEMA_REF = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(EventType::schemaRef, Function.identity()));

    private final String wireName;
    private final String schemaKey;
    private final Class<?> propertiesType;

    EventType(String wireName, Class<?> propertiesType) {
        this.wireName = wireName;
        this.schemaKey = name().toLowerCase(Locale.ROOT);
        this.propertiesType = propertiesType;
    }

    /** The event name on the wire ({@code Order Completed}, {@code identify}); null for {@link #CUSTOM_TRACK}. */
    public String wireName() {
        return wireName;
    }

    /** Snake-case schema folder name, e.g. {@code order_completed}. */
    public String schemaKey() {
        return schemaKey;
    }

    /** The schema reference stored in {@link CanonicalEvent#schema()}, e.g. {@code order_completed/1-0-0}. */
    public String schemaRef() {
        return schemaKey + "/" + SCHEMA_VERSION;
    }

    /** The record mirroring this type's properties schema; {@link ObjectNode} for free-form types. */
    public Class<?> propertiesType() {
        return propertiesType;
    }

    /** True for {@code track} events (catalogue or custom), false for identify/page/screen/group/alias. */
    public boolean isTrack() {
        return ordinal() < IDENTIFY.ordinal() || this == CUSTOM_TRACK;
    }

    /** The type of a track call: exact (case-sensitive) catalogue match, else {@link #CUSTOM_TRACK}. */
    public static EventType ofTrackName(String eventName) {
        EventType type = eventName == null ? null : BY_WIRE_NAME.get(eventName);
        return type != null && type.isTrack() ? type : CUSTOM_TRACK;
    }

    /** Exact lookup by wire name, including call types such as {@code identify}. */
    public static Optional<EventType> ofWireName(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }

    /** Lookup by {@link #schemaRef()}, e.g. when reading {@link CanonicalEvent#schema()}. */
    public static Optional<EventType> ofSchemaRef(String schemaRef) {
        return Optional.ofNullable(schemaRef == null ? null : BY_SCHEMA_REF.get(schemaRef));
    }
}
