package io.aftercart.platform.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The managed write keys as a compacted topic ({@link Topics#WRITE_KEYS}: key = the key's hash, value = the source,
 * a tombstone = revoked), so every process that runs the collector sees the keys the gateway manages, in one JVM or
 * across many. Each such process reads the whole topic into memory at start (no consumer group: every process needs
 * every key) and follows it; changes made in this process apply here at once.
 */
public class KafkaWriteKeyDirectory implements WriteKeyDirectory, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaWriteKeyDirectory.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaTemplate<String, byte[]> template;
    private final List<String> bootstrapServers;
    private final boolean follow;
    private final Map<String, String> sourceByHash = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread reader;

    /**
     * @param follow whether this process reads the topic (it runs the collector); others only publish
     */
    public KafkaWriteKeyDirectory(KafkaTemplate<String, byte[]> template, List<String> bootstrapServers,
            boolean follow) {
        this.template = template;
        this.bootstrapServers = bootstrapServers;
        this.follow = follow;
    }

    @Override
    public Optional<String> sourceOf(String writeKey) {
        if (writeKey == null || writeKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sourceByHash.get(WriteKeyDirectory.hash(writeKey)));
    }

    /** Makes a key hash valid for a source, here at once and in every other process within moments. */
    public void publish(String keyHash, String source) {
        send(keyHash, source.getBytes(UTF_8));
        sourceByHash.put(keyHash, source);
    }

    /** Revokes a key hash, here at once and in every other process within moments. */
    public void revoke(String keyHash) {
        send(keyHash, null);
        sourceByHash.remove(keyHash);
    }

    private void send(String keyHash, byte[] value) {
        try {
            template.send(Topics.WRITE_KEYS.topicName(), keyHash, value).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing a write key change", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the write key change", e);
        }
    }

    @Override
    public void start() {
        if (!follow) {
            caughtUp.countDown();
            return;
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        reader = new Thread(this::follow, "write-key-directory");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!caughtUp.await(CATCH_UP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The managed write keys were not read within {}; they apply as they arrive",
                        CATCH_UP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WRITE_KEYS.topicName()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        sourceByHash.remove(record.key());
                    } else {
                        sourceByHash.put(record.key(), new String(record.value(), UTF_8));
                    }
                }
                if (caughtUp.getCount() > 0 && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Stopped following the managed write keys", e);
        } finally {
            consumer.close();
        }
    }

    @Override
    public void stop() {
        if (consumer != null) {
            consumer.wakeup();
        }
        reader = null;
    }

    @Override
    public boolean isRunning() {
        return reader != null;
    }
}
