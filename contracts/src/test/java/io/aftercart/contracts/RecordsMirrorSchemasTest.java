package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.events.Product;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A property added to a schema but not to its record (or the reverse) fails here. */
class RecordsMirrorSchemasTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordComponentsAreTheSchemaProperties(EventType type) throws Exception {
        Set<String> schemaProperties = new TreeSet<>(schema(type.schemaKey()).path("properties").propertyNames());
        if (type.propertiesType() == ObjectNode.class) {
            assertThat(schemaProperties).isSubsetOf("name"); // free-form types define at most a name
            return;
        }
        assertThat(componentNames(type.propertiesType())).isEqualTo(schemaProperties);
    }

    @Test
    void productRecordMirrorsTheSharedProductDefinition() throws Exception {
        Set<String> defined = new TreeSet<>(
                schema("common").path("$defs").path("product").path("properties").propertyNames());
        assertThat(componentNames(Product.class)).isEqualTo(defined);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIdMatchesItsLocation(EventType type) throws Exception {
        assertThat(schema(type.schemaKey()).path("$id").asString()).isEqualTo(EventSchemas.schemaId(type.schemaKey()));
        assertThat(schema(type.schemaKey()).path("$schema").asString())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode schema(String key) throws Exception {
        try (InputStream in = RecordsMirrorSchemasTest.class.getClassLoader()
                .getResourceAsStream("schemas/" + key + "/" + EventType.SCHEMA_VERSION + ".json")) {
            assertThat(in).as("schema resource for " + key).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }
}
