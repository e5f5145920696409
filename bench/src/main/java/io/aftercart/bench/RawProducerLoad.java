package io.aftercart.bench;

import io.aftercart.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.HdrHistogram.Histogram;

/**
 * The limit the collector is compared with: a plain {@link KafkaProducer}, configured like the app's event producer
 * (idempotent, acks=all, linger 2 ms, 128 KB batches, otherwise defaults), writing the very records the collector
 * wrote to {@link Topics#EVENTS} — same keys, values and {@code ce_*} headers — to a topic of its own with as many
 * partitions on the same broker, as fast as the broker acknowledges.
 */
final class RawProducerLoad {

    private static final String TOPIC = "aftercart.bench.raw-producer";
    private static final int SAMPLE_RECORDS = 10_000;

    private final String bootstrapServers;

    RawProducerLoad(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Copies up to {@value #SAMPLE_RECORDS} records the collector published, to replay them. */
    List<ProducerRecord<byte[], byte[]>> sampleCollectorRecords() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ProducerRecord<byte[], byte[]>> sample = new ArrayList<>(SAMPLE_RECORDS);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.topicName()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (sample.size() < SAMPLE_RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (sample.size() < SAMPLE_RECORDS) {
                        sample.add(new ProducerRecord<>(TOPIC, null, record.key(), record.value(), record.headers()));
                    }
                }
            }
        }
        if (sample.isEmpty()) {
            throw new IllegalStateException("The collector published nothing to " + Topics.EVENTS.topicName());
        }
        return sample;
    }

    PhaseResult run(List<ProducerRecord<byte[], byte[]>> records, Duration warmup, Duration measured)
            throws Exception {
        createTopic();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
            for (long n = 0; System.nanoTime() < measureUntil; n++) {
                producer.send(records.get((int) (n % records.size())), (metadata, error) -> {
                    long now = System.nanoTime();
                    if (now >= measureFrom && now <= measureUntil) {
                        (error == null ? acknowledged : failed).incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        return new PhaseResult("raw producer", measured, 0, acknowledged.get(), failed.get(), 0,
                new Histogram(3));
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int partitions = admin.describeTopics(List.of(Topics.EVENTS.topicName())).allTopicNames().get()
                    .get(Topics.EVENTS.topicName()).partitions().size();
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get();
        }
    }
}
