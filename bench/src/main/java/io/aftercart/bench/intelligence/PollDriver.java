package io.aftercart.bench.intelligence;

import com.sun.management.OperatingSystemMXBean;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.Topics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code aftercart.events} poll by poll, as a service's consumer does, and hands each poll to a listener on
 * this thread, measuring wall time and the CPU time of the whole process (listeners use other threads too: the
 * store, the producer, the embedded broker). Either over a range already published (catch-up: full polls), or while
 * the events are being published at a steady rate (live: polls as large as the arrivals and fetch settings make
 * them).
 */
final class PollDriver {

    /** The offsets {@code [from, to)} of each partition that a batch of published events took. */
    record Range(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {

        long events() {
            return to.entrySet().stream().mapToLong(end -> end.getValue() - from.get(end.getKey())).sum();
        }
    }

    /** A listener's pass over a range; {@code listenerNanos} is the wall time spent in the listener. */
    record Run(long events, int polls, long wallNanos, long cpuNanos, long listenerNanos) {

        double eventsPerSecond() {
            return events * 1e9 / wallNanos;
        }

        double cpuMicrosPerEvent() {
            return cpuNanos / 1e3 / events;
        }

        double eventsPerPoll() {
            return (double) events / polls;
        }

        double listenerMicrosPerEvent() {
            return listenerNanos / 1e3 / events;
        }
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final long PUBLISH_TICK_NANOS = 10_000_000;

    private final Map<String, Object> config = new HashMap<>();

    PollDriver(String bootstrapServers, int maxPollRecords) {
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    }

    /** Runs {@code publish} (which returns once the broker has acknowledged) and returns the offsets it took. */
    Range publish(Runnable publish) {
        Map<TopicPartition, Long> before = endOffsets();
        publish.run();
        return new Range(before, endOffsets());
    }

    /** Hands the polls of a published range to the listener, with the platform's consumer settings. */
    Run drive(Range range, Consumer<List<ConsumerRecord<String, byte[]>>> listener) {
        return consume(range.from(), range.events(), new Properties(), listener, () -> { });
    }

    /**
     * Publishes the events at {@code rate} per second from another thread while handing the polls to the listener,
     * with the platform's consumer settings overridden by {@code consumerOverrides} (the listener container's);
     * measured until the last event has been handed over.
     */
    Run live(List<CanonicalEvent> events, Function<CanonicalEvent, CompletableFuture<?>> send, int rate,
            Properties consumerOverrides, Consumer<List<ConsumerRecord<String, byte[]>>> listener) {
        Thread publisher = new Thread(() -> publishAtRate(events, send, rate), "bench-publisher");
        return consume(endOffsets(), events.size(), consumerOverrides, listener, publisher::start);
    }

    private Run consume(Map<TopicPartition, Long> from, long events, Properties overrides,
            Consumer<List<ConsumerRecord<String, byte[]>>> listener, Runnable onStart) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(overrides)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long remaining = events;
            int polls = 0;
            long inListener = 0;
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            onStart.run();
            while (remaining > 0) {
                // nothing is published past the range while it is read
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                if (!records.isEmpty()) {
                    long handed = System.nanoTime();
                    listener.accept(records);
                    inListener += System.nanoTime() - handed;
                    remaining -= records.size();
                    polls++;
                }
            }
            return new Run(events, polls, System.nanoTime() - start, OS.getProcessCpuTime() - cpu, inListener);
        }
    }

    private static void publishAtRate(List<CanonicalEvent> events, Function<CanonicalEvent, CompletableFuture<?>> send,
            int rate) {
        List<CompletableFuture<?>> sent = new ArrayList<>(events.size());
        long start = System.nanoTime();
        while (sent.size() < events.size()) {
            long due = Math.min(events.size(), (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
            while (sent.size() < due) {
                sent.add(send.apply(events.get(sent.size())));
            }
            long next = start + (sent.size() * 1_000_000_000L / rate);
            long wait = Math.min(PUBLISH_TICK_NANOS, next - System.nanoTime());
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer(new Properties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private KafkaConsumer<String, byte[]> consumer(Properties overrides) {
        Map<String, Object> merged = new HashMap<>(config);
        overrides.stringPropertyNames().forEach(name -> merged.put(name, overrides.getProperty(name)));
        return new KafkaConsumer<>(merged, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
