package io.aftercart.collector.internal;

import io.aftercart.collector.EventResult;
import io.aftercart.collector.EventResult.Status;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.DeadLetterReason;
import io.aftercart.platform.kafka.DeadLetter;
import io.aftercart.platform.kafka.DeadLetterPublisher;
import io.aftercart.platform.web.ServiceUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.kafka.KafkaException;
import tools.jackson.databind.JsonNode;

/**
 * The one path every event takes, whatever way it came in: size limit, normalisation and schema validation,
 * de-duplication by messageId, then Kafka — accepted events to the canonical topic, rejected ones to the
 * dead-letter topic. It returns only once Kafka acknowledged every record; otherwise it throws
 * {@link ServiceUnavailableException}, after remembering the ids that did make it, so a retry of the same request
 * neither loses nor doubles an event.
 */
public final class IngestPipeline {

    private final SegmentNormalizer normalizer;
    private final MessageIdIndex messageIds;
    private final CanonicalEventProducer events;
    private final DeadLetterPublisher deadLetters;
    private final long maxEventBytes;
    private final Duration sendTimeout;
    private final int retryAfterSeconds;

    public IngestPipeline(SegmentNormalizer normalizer, MessageIdIndex messageIds, CanonicalEventProducer events,
            DeadLetterPublisher deadLetters, long maxEventBytes, Duration sendTimeout, Duration retryAfter) {
        this.normalizer = normalizer;
        this.messageIds = messageIds;
        this.events = events;
        this.deadLetters = deadLetters;
        this.maxEventBytes = maxEventBytes;
        this.sendTimeout = sendTimeout;
        this.retryAfterSeconds = (int) Math.max(1, retryAfter.toSeconds());
    }

    public List<EventResult> ingest(List<Submitted> submitted, Arrival arrival) {
        List<Normalized> normalized = submitted.stream().map(event -> normalize(event, arrival)).toList();
        List<String> ids = normalized.stream().filter(Normalized::isAccepted).map(n -> n.event().id()).toList();
        boolean[] duplicate = messageIds.claim(ids);
        int acceptedIndex = 0;

        List<CompletableFuture<?>> sends = new ArrayList<>(normalized.size());
        List<CompletableFuture<?>> eventSends = new ArrayList<>(ids.size());
        List<String> sentIds = new ArrayList<>(ids.size());
        List<EventResult> results = new ArrayList<>(normalized.size());
        for (int i = 0; i < normalized.size(); i++) {
            Normalized outcome = normalized.get(i);
            if (!outcome.isAccepted()) {
                Rejection rejection = outcome.rejection();
                DeadLetter letter = deadLetter(submitted.get(i), rejection, arrival);
                sends.add(handOver(() -> deadLetters.publish(letter)));
                results.add(new EventResult(i, messageIdOf(submitted.get(i).message()), Status.rejected,
                        rejection.reason().name(), rejection.detail(), rejection.path()));
            } else if (duplicate[acceptedIndex++]) {
                results.add(new EventResult(i, outcome.event().id(), Status.duplicate, null, null, null));
            } else {
                CanonicalEvent event = outcome.event();
                CompletableFuture<?> send = handOver(() -> events.send(event));
                sends.add(send);
                eventSends.add(send);
                sentIds.add(event.id());
                results.add(new EventResult(i, event.id(), Status.accepted, null, null, null));
            }
        }
        awaitAcknowledgements(sends, eventSends, sentIds);
        return results;
    }

    /**
     * A send that fails before it returns a future (no metadata for the topic within max.block.ms: the cluster is
     * unreachable) is a failed send like any other, so the claimed ids are released and the client gets a 503.
     */
    private static CompletableFuture<?> handOver(Supplier<CompletableFuture<?>> send) {
        try {
            return send.get();
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends, List<CompletableFuture<?>> eventSends,
            List<String> sentIds) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            messageIds.commit(sentIds);
        } catch (ExecutionException | TimeoutException e) {
            rememberWhatMadeIt(eventSends, sentIds);
            throw new ServiceUnavailableException("Kafka did not acknowledge the events in time; retry later",
                    retryAfterSeconds, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            messageIds.release(sentIds);
            throw new ServiceUnavailableException("Interrupted while waiting for Kafka", retryAfterSeconds, e);
        }
    }

    /** {@code eventSends} are in the order of {@code sentIds}. */
    private void rememberWhatMadeIt(List<CompletableFuture<?>> eventSends, List<String> sentIds) {
        List<String> made = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < sentIds.size(); i++) {
            CompletableFuture<?> send = eventSends.get(i);
            (send.isDone() && !send.isCompletedExceptionally() ? made : lost).add(sentIds.get(i));
        }
        messageIds.commit(made);
        messageIds.release(lost);
    }

    private Normalized normalize(Submitted event, Arrival arrival) {
        if (event.raw().length > maxEventBytes) {
            return Normalized.rejected(new Rejection(DeadLetterReason.TOO_LARGE,
                    "The event has " + event.raw().length + " bytes; the limit is " + maxEventBytes, "$"));
        }
        Normalized normalized = normalizer.normalize(event.message(), event.impliedType(), arrival);
        if (normalized.isAccepted() || !event.canonical()) {
            return normalized;
        }
        Rejection rejection = normalized.rejection();
        return Normalized.rejected(new Rejection(rejection.reason(), rejection.detail(),
                CanonicalInput.canonicalPath(rejection.path())));
    }

    private static DeadLetter deadLetter(Submitted event, Rejection rejection, Arrival arrival) {
        return new DeadLetter(rejection.reason(), rejection.detail(), rejection.path(), arrival.source(),
                arrival.origin(), keyOf(event.message()), event.raw());
    }

    private static String keyOf(JsonNode message) {
        for (String field : List.of("userId", "anonymousId")) {
            JsonNode id = message.get(field);
            if (id != null && (id.isString() || id.isIntegralNumber())) {
                return id.asString();
            }
        }
        return null;
    }

    private static String messageIdOf(JsonNode message) {
        JsonNode id = message.get("messageId");
        return id != null && id.isString() ? id.asString() : null;
    }
}
