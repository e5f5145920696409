package io.aftercart.platform.testing;

import static org.awaitility.Awaitility.await;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.CanonicalEventRecord;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import io.aftercart.platform.kafka.ServiceConsumers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a service IT runs against: a real embedded Kafka broker and a data folder under one directory, services
 * started in a minimal Boot app on a random port, and the Kafka chores around them (producing, waiting until a
 * consumer group has caught up, rewinding it, reading a topic).
 */
public final class ServiceTestRig implements AutoCloseable {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class BootApp {
    }

    private final Path dir;
    private final EmbeddedKafkaBroker broker;

    private ServiceTestRig(Path dir) {
        this.dir = dir;
        this.broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
    }

    /** Starts a broker in {@code dir/kafka}; services keep their stores in {@code dir/data}. */
    public static ServiceTestRig start(Path dir) {
        return new ServiceTestRig(dir);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Starts the named services ({@code aftercart.services}) against this broker and data folder. */
    public ConfigurableApplicationContext startService(String services, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--aftercart.kafka.bootstrap-servers=" + bootstrapServers(),
                "--aftercart.data-dir=" + dataDir(),
                "--aftercart.services=" + services,
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
        arguments.addAll(Arrays.asList(extraArguments));
        return new SpringApplicationBuilder(BootApp.class).run(arguments.toArray(String[]::new));
    }

    /** Sends the events to {@code aftercart.events} as the collector does, and waits for the acks. */
    public void produceEvents(List<CanonicalEvent> events) {
        produce(events.stream().map(CanonicalEventRecord::of));
    }

    /** Sends one raw value, e.g. garbage or another service's output. */
    public void produce(Topics topic, String key, byte[] value) {
        produce(Stream.of(new ProducerRecord<>(topic.topicName(), key, value)));
    }

    private void produce(Stream<ProducerRecord<String, byte[]>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers(),
                "acks", "all", "enable.idempotence", true, "linger.ms", 20, "batch.size", 1 << 20,
                "compression.type", "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** Waits until the service's consumer group has committed every record of the topics. */
    public void awaitAllConsumed(String service, Topics... topics) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Admin admin = admin()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        ServiceConsumers.groupId(service)).partitionsToOffsetAndMetadata().get();
                return endOffsets(admin, topics).entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() == end.getValue()));
            }
        });
    }

    /** Moves the service's consumer group back to the start of the topics, as if nothing had been committed. */
    public void rewindToEarliest(String service, Topics... topics) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = endOffsets(admin, topics).keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions() // until the stopped consumer has left the group
                    .until(() -> admin.alterConsumerGroupOffsets(ServiceConsumers.groupId(service), start).all()
                            .get() == null);
        }
    }

    /** The log end offset of each partition of the topics. */
    public Map<TopicPartition, Long> endOffsets(Topics... topics) throws Exception {
        try (Admin admin = admin()) {
            return endOffsets(admin, topics);
        }
    }

    /** How many records the topics hold in all. */
    public long size(Topics... topics) throws Exception {
        return endOffsets(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A consumer of its own group, subscribed to the topic from its beginning; close it after use. */
    public KafkaConsumer<String, byte[]> consumer(Topics topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", bootstrapServers(), "group.id", "it-reader-" + System.nanoTime(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic.topicName()));
        return consumer;
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, Topics... topics)
            throws ExecutionException, InterruptedException {
        List<String> names = Stream.of(topics).map(Topics::topicName).toList();
        var partitions = admin.describeTopics(names).allTopicNames().get().values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(p -> new TopicPartition(description.name(), p.partition())))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    @Override
    public void close() {
        broker.close();
    }
}
