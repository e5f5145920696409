package io.aftercart.intelligence.kafka;

import io.aftercart.contracts.Topics;
import io.aftercart.platform.kafka.ServiceConsumers;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The containers of the intelligence service's consumers of {@link Topics#EVENTS}: the platform's batch consumers,
 * whose fetches wait for {@link #FETCH_MIN_BYTES} (about a thousand events) or {@link #FETCH_MAX_WAIT}, whichever
 * comes first. Each poll costs these listeners a store transaction and a few statements whatever its size, and a
 * consumer that keeps up would otherwise poll every few milliseconds, a handful of events at a time; their
 * results (scores, recommendations, sentiment) may well arrive half a second later.
 */
public final class EventListenerContainers {

    static final int FETCH_MIN_BYTES = 1024 * 1024;
    static final Duration FETCH_MAX_WAIT = Duration.ofMillis(500);

    private EventListenerContainers() {
    }

    public static ConcurrentMessageListenerContainer<String, byte[]> create(ServiceConsumers consumers,
            String consumer, int concurrency, BatchMessageListener<String, byte[]> listener) {
        var container = consumers.batchFactory(consumer, concurrency).createContainer(Topics.EVENTS.topicName());
        Properties fetch = new Properties();
        fetch.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(FETCH_MIN_BYTES));
        fetch.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(FETCH_MAX_WAIT.toMillis()));
        container.getContainerProperties().setKafkaConsumerProperties(fetch);
        container.setupMessageListener(listener);
        return container;
    }
}
