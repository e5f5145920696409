package io.aftercart.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.DeadLetterHeaders;
import io.aftercart.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the app's dead-letter topic from the start, as an operator's tool would. */
final class DeadLetterTopic {

    private DeadLetterTopic() {
    }

    /** One dead letter: where it was rejected, why, and the start of the rejected bytes. */
    record DeadLetter(String source, String reason, String detail, String valueStart) {
    }

    static List<DeadLetter> readAll(String bootstrapServers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER.topicName()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    byte[] value = record.value() == null ? new byte[0] : record.value();
                    letters.add(new DeadLetter(header(record, DeadLetterHeaders.SOURCE),
                            header(record, DeadLetterHeaders.REASON), header(record, DeadLetterHeaders.DETAIL),
                            new String(value, 0, Math.min(value.length, 300), UTF_8)));
                }
            }
        }
        return letters;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
