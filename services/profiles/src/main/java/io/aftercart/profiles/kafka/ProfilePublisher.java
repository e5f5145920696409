package io.aftercart.profiles.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.Topics;
import io.aftercart.profiles.internal.ProfileChange;
import io.aftercart.profiles.internal.ProfileChangeSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes profile changes to the compacted {@link Topics#PROFILES} topic, keyed by customer id; a merged-away
 * profile is published as a tombstone. Waits for the acknowledgements, so a failure fails (and retries) the poll.
 */
public class ProfilePublisher implements ProfileChangeSink {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;

    public ProfilePublisher(KafkaTemplate<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public void publish(List<ProfileChange> changes) {
        CompletableFuture<?>[] sends = changes.stream()
                .map(change -> kafka.send(Topics.PROFILES.topicName(), change.customerId(),
                        change.json() == null ? null : change.json().getBytes(UTF_8)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing profile changes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Profile changes were not acknowledged by Kafka", e);
        }
    }
}
