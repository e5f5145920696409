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
 * profile is published as a tombstone. The updater waits for the acknowledgements before it commits, so a failure
 * fails (and retries) the poll.
 */
public class ProfilePublisher implements ProfileChangeSink {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;

    public ProfilePublisher(KafkaTemplate<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public Publication publish(List<ProfileChange> changes) {
        CompletableFuture<?> sent = CompletableFuture.allOf(changes.stream()
                .map(change -> kafka.send(Topics.PROFILES.topicName(), change.customerId(),
                        change.json() == null ? null : change.json().getBytes(UTF_8)))
                .toArray(CompletableFuture[]::new));
        return () -> await(sent);
    }

    private void await(CompletableFuture<?> sent) {
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing profile changes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Profile changes were not acknowledged by Kafka", e);
        }
    }
}
