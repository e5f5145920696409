package io.aftercart.gateway.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.aftercart.contracts.DeadLetterHeaders;
import io.aftercart.contracts.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the pipeline health page shows, read from Kafka itself: the ingest rate (growth of the canonical topic,
 * sampled every few seconds), the lag of every Aftercart consumer group, and the dead-letter topic's size and latest
 * rejections (their reasons from the headers; never the rejected payload, which may hold personal data).
 */
public class PipelineHealth implements AutoCloseable {

    private static final String GROUP_PREFIX = "aftercart-";
    private static final int SAMPLES_KEPT = 90;
    private static final int LATEST_REJECTIONS = 20;
    private static final long TIMEOUT_SECONDS = 5;

    public record Sample(Instant at, long events, long deadLetters) {
    }

    public record RatePoint(Instant at, double eventsPerSecond, double rejectionsPerSecond) {
    }

    public record GroupLag(String group, long lag, Map<String, Long> lagByTopic) {
    }

    public record Rejection(Instant rejectedAt, String reason, String path, String source, String origin,
            String detail) {
    }

    public record Report(Instant at, long events, long deadLetters, List<RatePoint> rate, List<GroupLag> groups,
            List<Rejection> latestRejections) {
    }

    private final Admin admin;
    private final List<String> bootstrapServers;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public PipelineHealth(Admin admin, List<String> bootstrapServers, Clock clock) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /** Records the topics' sizes; called every few seconds, so the rate is there when the page is opened. */
    public void sample() throws Exception {
        Sample sample = new Sample(clock.instant(), total(endOffsets(Topics.EVENTS)),
                total(endOffsets(Topics.DEAD_LETTER)) - total(startOffsets(Topics.DEAD_LETTER)));
        synchronized (samples) {
            samples.addLast(sample);
            while (samples.size() > SAMPLES_KEPT) {
                samples.removeFirst();
            }
        }
    }

    public Report report(boolean withDetails) throws Exception {
        sample();
        List<Sample> history;
        synchronized (samples) {
            history = new ArrayList<>(samples);
        }
        Sample last = history.get(history.size() - 1);
        return new Report(last.at(), last.events(), last.deadLetters(), rates(history), lags(),
                latestRejections(withDetails));
    }

    private static List<RatePoint> rates(List<Sample> history) {
        List<RatePoint> points = new ArrayList<>();
        for (int i = 1; i < history.size(); i++) {
            Sample before = history.get(i - 1);
            Sample now = history.get(i);
            double seconds = Duration.between(before.at(), now.at()).toMillis() / 1000.0;
            if (seconds > 0) {
                points.add(new RatePoint(now.at(), Math.max(0, now.events() - before.events()) / seconds,
                        Math.max(0, now.deadLetters() - before.deadLetters()) / seconds));
            }
        }
        return points;
    }

    private List<GroupLag> lags() throws Exception {
        List<GroupLag> lags = new ArrayList<>();
        List<String> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).filter(id -> id.startsWith(GROUP_PREFIX)).sorted().toList();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = offsets(latest);
            Map<String, Long> byTopic = new HashMap<>();
            committed.forEach((partition, offset) -> {
                long lag = offset == null ? 0 : Math.max(0, ends.getOrDefault(partition, 0L) - offset.offset());
                byTopic.merge(partition.topic(), lag, Long::sum);
            });
            lags.add(new GroupLag(group, byTopic.values().stream().mapToLong(Long::longValue).sum(), byTopic));
        }
        return lags;
    }

    /** Reads the last records of each dead-letter partition with a short-lived consumer (no group, no commit). */
    private List<Rejection> latestRejections(boolean withDetails) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(Topics.DEAD_LETTER);
        Map<TopicPartition, Long> starts = startOffsets(Topics.DEAD_LETTER);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        List<Rejection> rejections = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            Map<TopicPartition, Long> remaining = new HashMap<>();
            ends.forEach((partition, end) -> {
                long from = Math.max(starts.getOrDefault(partition, 0L), end - LATEST_REJECTIONS);
                consumer.seek(partition, from);
                if (end > from) {
                    remaining.put(partition, end);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    rejections.add(rejection(record, withDetails));
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() + 1 >= remaining.getOrDefault(partition, Long.MAX_VALUE)) {
                        remaining.remove(partition);
                    }
                }
            }
        }
        return rejections.stream()
                .sorted(Comparator.comparing(Rejection::rejectedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(LATEST_REJECTIONS).toList();
    }

    private static Rejection rejection(ConsumerRecord<byte[], byte[]> record, boolean withDetails) {
        String rejectedAt = header(record, DeadLetterHeaders.REJECTED_AT);
        Instant at;
        try {
            at = rejectedAt == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(rejectedAt);
        } catch (RuntimeException e) {
            at = Instant.ofEpochMilli(record.timestamp());
        }
        return new Rejection(at, header(record, DeadLetterHeaders.REASON), header(record, DeadLetterHeaders.PATH),
                header(record, DeadLetterHeaders.SOURCE), header(record, DeadLetterHeaders.ORIGIN),
                withDetails ? header(record, DeadLetterHeaders.DETAIL) : null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private Map<TopicPartition, Long> endOffsets(Topics topic) throws Exception {
        return offsetsOf(topic, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> startOffsets(Topics topic) throws Exception {
        return offsetsOf(topic, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsetsOf(Topics topic, OffsetSpec spec) throws Exception {
        var description = admin.describeTopics(List.of(topic.topicName())).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic.topicName());
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic.topicName(), p.partition()), spec));
        return offsets(request);
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> request)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> result = new HashMap<>();
        if (request.isEmpty()) {
            return result;
        }
        admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
