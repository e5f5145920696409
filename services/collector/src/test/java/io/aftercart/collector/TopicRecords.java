package io.aftercart.collector;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything on the canonical and the dead-letter topic so far, read by a plain consumer without a group. */
final class TopicRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();

    TopicRecords(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topics topic : List.of(Topics.EVENTS, Topics.DEAD_LETTER)) {
            for (PartitionInfo info : consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Events whose {@code ce_id} satisfies the predicate, read up to the current end of the topic. */
    List<ConsumerRecord<String, byte[]>> events(Predicate<String> id) {
        catchUp();
        return events.stream().filter(r -> id.test(header(r, "ce_id"))).toList();
    }

    List<ConsumerRecord<String, byte[]>> eventsWithId(String id) {
        return events(id::equals);
    }

    /** Dead letters whose key satisfies the predicate, read up to the current end of the topic. */
    List<ConsumerRecord<String, byte[]>> deadLetters(Predicate<String> key) {
        catchUp();
        return deadLetters.stream().filter(r -> r.key() != null && key.test(r.key())).toList();
    }

    List<ConsumerRecord<String, byte[]>> allDeadLetters() {
        catchUp();
        return List.copyOf(deadLetters);
    }

    /** Polls until at least {@code count} events match, for asynchronous intake; fails after 30 s. */
    List<ConsumerRecord<String, byte[]>> awaitEvents(Predicate<String> id, int count) throws InterruptedException {
        return await(() -> events(id), count);
    }

    List<ConsumerRecord<String, byte[]>> awaitDeadLetters(Predicate<ConsumerRecord<String, byte[]>> which, int count)
            throws InterruptedException {
        return await(() -> allDeadLetters().stream().filter(which).toList(), count);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    private List<ConsumerRecord<String, byte[]>> await(
            java.util.function.Supplier<List<ConsumerRecord<String, byte[]>>> read, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, byte[]>> found = read.get();
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = read.get();
        }
        return found;
    }

    private void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Could not read up to the end offsets " + end);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                (record.topic().equals(Topics.EVENTS.topicName()) ? events : deadLetters).add(record);
            }
        }
    }
}
