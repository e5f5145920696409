package io.aftercart.intelligence.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.CloudEventHeaders;
import io.aftercart.contracts.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The canonical events of a poll that are of the types a listener reads. The collector names each record's type in
 * the CloudEvents {@code ce_type} header, so a record of another type is passed over without parsing its value;
 * records without the header are parsed and filtered on the event's own type. Records of a wanted (or unknown) type
 * that are not canonical events are skipped with a count in the log: the analytics service dead-letters them
 * already, and a second copy would only add noise.
 */
final class CanonicalRecords {

    private static final Logger log = LoggerFactory.getLogger(CanonicalRecords.class);

    private CanonicalRecords() {
    }

    static List<CanonicalEvent> of(List<ConsumerRecord<String, byte[]>> records, Set<String> types) {
        List<CanonicalEvent> events = new ArrayList<>();
        int unusable = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            String headerType = headerType(record);
            if (headerType != null && !types.contains(headerType)) {
                continue;
            }
            CanonicalEvent event = parse(record.value());
            if (event == null) {
                unusable++;
            } else if (types.contains(event.type())) {
                events.add(event);
            }
        }
        if (unusable > 0) {
            log.warn("Skipped {} of {} records that were not canonical events", unusable, records.size());
        }
        return events;
    }

    private static String headerType(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    /** The event, or null when the value is not a canonical event with an id and a type. */
    private static CanonicalEvent parse(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            CanonicalEvent event = EventJson.read(value);
            return event != null && event.id() != null && event.type() != null ? event : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
