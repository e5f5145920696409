package io.aftercart.platform.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.DeadLetterHeaders;
import io.aftercart.contracts.Topics;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Publishes rejected input to {@link Topics#DEAD_LETTER} with its typed reason in headers. */
public class DeadLetterPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;

    public DeadLetterPublisher(KafkaTemplate<String, byte[]> kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    public CompletableFuture<SendResult<String, byte[]>> publish(DeadLetter letter) {
        List<Header> headers = new java.util.ArrayList<>(List.of(
                header(DeadLetterHeaders.REASON, letter.reason().name()),
                header(DeadLetterHeaders.DETAIL, letter.detail()),
                header(DeadLetterHeaders.ORIGIN, letter.origin()),
                header(DeadLetterHeaders.REJECTED_AT, clock.instant().toString())));
        if (letter.path() != null) {
            headers.add(header(DeadLetterHeaders.PATH, letter.path()));
        }
        if (letter.source() != null) {
            headers.add(header(DeadLetterHeaders.SOURCE, letter.source()));
        }
        return kafka.send(new ProducerRecord<>(Topics.DEAD_LETTER.topicName(), null, letter.key(), letter.payload(),
                headers));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(UTF_8));
    }
}
