package io.aftercart.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Builds the listener container factory of a service: its own consumer group ({@code aftercart-<service>}),
 * batch listeners, offsets committed only after the listener returned (so an effect is durable before its
 * offset is), starting from the earliest offset for a new group. A poll whose listener throws is retried with a
 * growing pause, for as long as it takes: Spring's default would give up after ten tries and commit the offsets,
 * losing the poll. Listeners must therefore handle bad records themselves (dead-letter or skip) and throw only for
 * failures that pass, such as a store or broker being down.
 */
public class ServiceConsumers {

    static final int GATHERED_BYTES = 1024 * 1024;

    private final KafkaProperties properties;
    private final KafkaConnectionDetails connection;

    public ServiceConsumers(KafkaProperties properties, KafkaConnectionDetails connection) {
        this.properties = properties;
        this.connection = connection;
    }

    public ConcurrentKafkaListenerContainerFactory<String, byte[]> batchFactory(String service, int concurrency) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(service));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(10_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    /**
     * A container of {@link #batchFactory} consumers whose fetches wait for {@link #GATHERED_BYTES} (about a thousand
     * events) or {@code maxWait}, whichever comes first. For listeners whose every poll costs a store transaction
     * and a few statements whatever its size, and whose results may arrive that much later: a consumer that keeps
     * up would otherwise poll every few milliseconds, a handful of events at a time.
     */
    public ConcurrentMessageListenerContainer<String, byte[]> gatheringContainer(String service, int concurrency,
            String topic, Duration maxWait, BatchMessageListener<String, byte[]> listener) {
        var container = batchFactory(service, concurrency).createContainer(topic);
        Properties fetch = new Properties();
        fetch.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(GATHERED_BYTES));
        fetch.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(maxWait.toMillis()));
        container.getContainerProperties().setKafkaConsumerProperties(fetch);
        container.setupMessageListener(listener);
        return container;
    }

    public static String groupId(String service) {
        return "aftercart-" + service;
    }
}
