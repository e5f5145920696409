package io.aftercart.platform.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.CloudEventHeaders;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Timestamps;
import io.aftercart.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A canonical event as a record of {@link Topics#EVENTS}: keyed by customer, with its {@link CloudEventHeaders}. An
 * attribute the event lacks has no header.
 */
public final class CanonicalEventRecord {

    private CanonicalEventRecord() {
    }

    public static ProducerRecord<String, byte[]> of(CanonicalEvent event) {
        List<Header> headers = new ArrayList<>(7);
        add(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        add(headers, CloudEventHeaders.ID, event.id());
        add(headers, CloudEventHeaders.TYPE, event.type());
        add(headers, CloudEventHeaders.SOURCE, event.source());
        add(headers, CloudEventHeaders.TIME, event.time() == null ? null : Timestamps.format(event.time()));
        add(headers, CloudEventHeaders.DATA_SCHEMA, event.schema());
        add(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(Topics.EVENTS.topicName(), null, event.partitionKey(), EventJson.write(event),
                headers);
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new RecordHeader(name, value.getBytes(UTF_8)));
        }
    }
}
