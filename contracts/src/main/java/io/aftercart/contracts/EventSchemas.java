package io.aftercart.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * The compiled JSON Schemas of every {@link EventType} and of the envelope. Schemas are read from the classpath
 * ({@code schemas/<key>/<version>.json}) and their {@code $id}s resolve to those resources only, never to the
 * network. Compiled once; {@link #validate} is thread-safe and allocation-light, as it runs for every event.
 */
public final class EventSchemas {

    /** Base of every schema {@code $id}: {@code https://schemas.aftercart.io/<key>/<version>.json}. */
    public static final String ID_BASE = "https://schemas.aftercart.io/";
    static final String ENVELOPE_KEY = "envelope";
    private static final List<String> SHARED_KEYS = List.of("common", ENVELOPE_KEY);
    private static final int MAX_LISTED_VALUES = 20;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<EventType, Schema> byType = new EnumMap<>(EventType.class);
    private final Schema envelope;

    private EventSchemas() {
        Map<String, String> sources = new HashMap<>();
        for (EventType type : EventType.values()) {
            sources.put(schemaId(type.schemaKey()), resource(type.schemaKey()));
        }
        SHARED_KEYS.forEach(key -> sources.put(schemaId(key), resource(key)));

        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true) // 2020-12 treats "format" as annotation only unless asked
                .pathType(PathType.JSON_PATH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config).schemas(sources::get));

        for (EventType type : EventType.values()) {
            byType.put(type, compile(registry, type.schemaKey()));
        }
        envelope = compile(registry, ENVELOPE_KEY);
    }

    /** The process-wide instance, compiled on first use. */
    public static EventSchemas shared() {
        return Holder.INSTANCE;
    }

    /** The {@code $id} of a schema, e.g. {@code https://schemas.aftercart.io/order_completed/1-0-0.json}. */
    public static String schemaId(String schemaKey) {
        return ID_BASE + schemaKey + "/" + EventType.SCHEMA_VERSION + ".json";
    }

    /** Validates an event's properties (traits for identify/group); empty when valid. A null node is invalid. */
    public List<SchemaViolation> validate(EventType type, JsonNode properties) {
        return violations(byType.get(type), properties);
    }

    /**
     * Validates a whole {@link CanonicalEvent} as JSON against {@code envelope/1-0-0}; its properties are not checked.
     */
    public List<SchemaViolation> validateEnvelope(JsonNode envelopeJson) {
        return violations(envelope, envelopeJson);
    }

    private static List<SchemaViolation> violations(Schema schema, JsonNode instance) {
        if (instance == null || instance.isMissingNode()) {
            return List.of(new SchemaViolation("$", "an object is required"));
        }
        List<Error> errors;
        try {
            errors = schema.validate(instance);
        } catch (JsonNodeException e) {
            // the validator converts numbers to long for integral bounds and fails on values far outside that range
            return List.of(new SchemaViolation("$", "a number is too large to check against the schema"));
        }
        if (errors.isEmpty()) {
            return List.of();
        }
        List<SchemaViolation> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            result.add(new SchemaViolation(pathOf(error), messageOf(error)));
        }
        return result;
    }

    /** The instance path; for a missing (or dependent-required) property, the path the property should have had. */
    private static String pathOf(Error error) {
        String path = error.getInstanceLocation().toString();
        String missing = missingProperty(error);
        if (missing == null) {
            return path;
        }
        return PLAIN_NAME.matcher(missing).matches()
                ? path + "." + missing
                : path + "['" + missing.replace("'", "\\'") + "']";
    }

    private static String missingProperty(Error error) {
        return switch (error.getKeyword()) {
            case "required" -> error.getProperty();
            // arguments are (missing property, the present property that requires it)
            case "dependentRequired" ->
                    error.getArguments().length > 0 ? String.valueOf(error.getArguments()[0]) : null;
            default -> null;
        };
    }

    /** The library's message, except that long enumerations (165 currency codes) are not spelled out. */
    private static String messageOf(Error error) {
        JsonNode allowed = error.getSchemaNode();
        if ("enum".equals(error.getKeyword()) && allowed != null && allowed.isArray()
                && allowed.size() > MAX_LISTED_VALUES) {
            return "is not one of the " + allowed.size() + " allowed values of " + error.getSchemaLocation();
        }
        return error.getMessage();
    }

    private static Schema compile(SchemaRegistry registry, String schemaKey) {
        Schema schema = registry.getSchema(SchemaLocation.of(schemaId(schemaKey)));
        schema.initializeValidators(); // resolve $refs now, not on the first event
        return schema;
    }

    private static String resource(String schemaKey) {
        String path = "schemas/" + schemaKey + "/" + EventType.SCHEMA_VERSION + ".json";
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final EventSchemas INSTANCE = new EventSchemas();
    }
}
