package io.aftercart.collector.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftercart.platform.web.BadInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

class IngestRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eachEventOfABatchIsTheSliceOfTheBodyItWasSubmittedAs() {
        String first = "{ \"type\": \"track\", \"event\": \"Order Shipped\","
                + " \"properties\": {\"a\": [1, {\"b\": \"}\"}]} }";
        String second = "{\"type\":\"identify\",\"traits\":{\"name\":\"Zoë 😀\"}}";
        String body = "{\"sentAt\": \"2025-03-10T15:00:00Z\",\n \"batch\" : [ " + first + " ,\n"
                + second + ", 12, \"x\","
                + " null ], \"context\": {\"ip\": \"1.2.3.4\"}}  ";

        IngestRequests.Body parsed = IngestRequests.parse(body.getBytes(UTF_8), "batch");

        assertThat(parsed.json()).isEqualTo(JSON.readTree(body));
        ArrayNode batch = (ArrayNode) parsed.json().get("batch");
        assertThat(new String(parsed.submitted(batch, 0), UTF_8)).isEqualTo(first);
        assertThat(new String(parsed.submitted(batch, 1), UTF_8)).isEqualTo(second);
        assertThat(new String(parsed.submitted(batch, 2), UTF_8)).isEqualTo("12");
        assertThat(new String(parsed.submitted(batch, 3), UTF_8)).isEqualTo("\"x\"");
        assertThat(new String(parsed.submitted(batch, 4), UTF_8)).isEqualTo("null");
    }

    @Test
    void aTopLevelArrayIsTheEvents() {
        String body = "[{\"type\":\"Order Shipped\"},{\"type\":\"identify\"}]";

        IngestRequests.Body parsed = IngestRequests.parse(body.getBytes(UTF_8), "events");

        ArrayNode events = (ArrayNode) parsed.json();
        assertThat(new String(parsed.submitted(events, 1), UTF_8)).isEqualTo("{\"type\":\"identify\"}");
    }

    @Test
    void aRepeatedEventsFieldCountsOnceAsWhenReadingATree() {
        String body = "{\"batch\": [{\"n\": 1}], \"batch\": [{\"n\": 2}, {\"n\": 3}]}";

        IngestRequests.Body parsed = IngestRequests.parse(body.getBytes(UTF_8), "batch");

        assertThat(parsed.json()).isEqualTo(JSON.readTree(body));
        ArrayNode batch = (ArrayNode) parsed.json().get("batch");
        assertThat(new String(parsed.submitted(batch, 0), UTF_8)).isEqualTo("{\"n\": 2}");
        assertThat(new String(parsed.submitted(batch, 1), UTF_8)).isEqualTo("{\"n\": 3}");
    }

    @Test
    void eventsOutsideTheNotedArrayAreWrittenOut() {
        String body = "{\"events\": {\"nested\": [{\"n\" : 1}]}}";

        IngestRequests.Body parsed = IngestRequests.parse(body.getBytes(UTF_8), "events");

        ArrayNode nested = (ArrayNode) parsed.json().get("events").get("nested");
        assertThat(new String(parsed.submitted(nested, 0), UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void scalarsAndWhitespaceAreReadAsATreeWouldBe() {
        JsonNode parsed = IngestRequests.parse(" \"event\" ".getBytes(UTF_8), "events").json();

        assertThat(parsed.asString()).isEqualTo("event");
    }

    @Test
    void refusesTrailingContentTruncatedDocumentsAndInvalidUtf8() {
        for (String body : new String[] {"{} {}", "[1] 2", "{\"batch\": [{}", "{\"batch\": [{}]"}) {
            assertThatThrownBy(() -> IngestRequests.parse(body.getBytes(UTF_8), "batch"))
                    .as(body).isInstanceOfSatisfying(BadInputException.class,
                            e -> assertThat(e.title()).isEqualTo("Unparseable JSON"));
        }
        assertThatThrownBy(() -> IngestRequests.parse(new byte[] {'[', '"', (byte) 0xC0, (byte) 0x80, '"', ']'},
                "batch")).isInstanceOfSatisfying(BadInputException.class,
                        e -> assertThat(e.title()).isEqualTo("Invalid UTF-8"));
    }
}
