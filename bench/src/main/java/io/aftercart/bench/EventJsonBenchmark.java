package io.aftercart.bench;

import static io.aftercart.bench.ResultTable.decimal;
import static io.aftercart.bench.ResultTable.number;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Canonical events written and read (as every consumer reads every event) with {@link EventJson}'s mapper, against
 * the same configuration with Jackson's own java.time support as the baseline, in alternating rounds on one thread.
 * Run from the repository root (about 30 seconds):
 * <pre>./mvnw -q -B -pl bench compile exec:java -Dexec.mainClass=io.aftercart.bench.EventJsonBenchmark
 *     [-Dexec.args="--events=200000 --rounds=5"]</pre>
 */
public final class EventJsonBenchmark {

    private EventJsonBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("events", "200000");
        defaults.put("rounds", "5");
        Options options = Options.parse(args, defaults);
        // the same mapper with Jackson's own instant (de)serializers registered last, so they take precedence
        JsonMapper baseline = EventJson.mapper().rebuild().addModule(new SimpleModule("jackson-instants")
                .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                .addDeserializer(Instant.class, InstantDeserializer.INSTANT)).build();
        List<CanonicalEvent> events = new ArrayList<>();
        new ShopHistory().generate(options.number("events"), 10_000, events::addAll);
        List<byte[]> json = events.stream().map(EventJson::write).toList();
        for (int i = 0; i < events.size(); i++) {
            if (!Arrays.equals(json.get(i), baseline.writeValueAsBytes(events.get(i)))
                    || !EventJson.read(json.get(i)).equals(baseline.readValue(json.get(i), CanonicalEvent.class))) {
                throw new IllegalStateException("The two mappers write or read event " + i + " differently");
            }
        }
        System.out.printf(Locale.ROOT, "Event JSON benchmark: %,d events of a generated shop history, %d rounds, "
                + "load average %s%n", events.size(), options.integer("rounds"), ProcessStats.loadAverage());

        ToLongFunction<JsonMapper> write = mapper -> events.stream().mapToLong(e -> mapper.writeValueAsBytes(e).length)
                .sum();
        ToLongFunction<JsonMapper> read = mapper -> json.stream()
                .mapToLong(bytes -> mapper.readValue(bytes, CanonicalEvent.class).time().getNano()).sum();
        double[] writes = best(options.integer("rounds"), write, EventJson.mapper(), baseline);
        double[] reads = best(options.integer("rounds"), read, EventJson.mapper(), baseline);

        ResultTable table = new ResultTable();
        table.add("write: events/s, EventJson", number(events.size() / writes[0]));
        table.add("write: events/s, Jackson java.time (baseline)", number(events.size() / writes[1]));
        table.add("write: ratio", decimal(writes[1] / writes[0]));
        table.add("read: events/s, EventJson", number(events.size() / reads[0]));
        table.add("read: events/s, Jackson java.time (baseline)", number(events.size() / reads[1]));
        table.add("read: ratio", decimal(reads[1] / reads[0]));
        System.out.println(table.render());
    }

    /** The fastest of {@code rounds} timings in seconds of {@code work} with each mapper, the mappers alternating. */
    private static double[] best(int rounds, ToLongFunction<JsonMapper> work, JsonMapper... mappers) {
        double[] best = new double[mappers.length];
        Arrays.fill(best, Double.MAX_VALUE);
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int m = 0; m < mappers.length; m++) {
                long start = System.nanoTime();
                sink += work.applyAsLong(mappers[m]);
                best[m] = Math.min(best[m], (System.nanoTime() - start) / 1e9);
            }
        }
        if (sink == 42) {
            System.out.println(); // keeps the work from being optimised away
        }
        return best;
    }
}
