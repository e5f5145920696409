package io.aftercart.app.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns simulated happenings into {@link DemoEvent}s. MessageIds are name-based UUIDs of a namespace and a counter,
 * so the same simulation always yields the same ids and a re-sent history is recognised as duplicate.
 */
final class EventRecorder {

    private final String namespace;
    private final Consumer<DemoEvent> sink;
    private long counter;

    EventRecorder(String namespace, Consumer<DemoEvent> sink) {
        this.namespace = namespace;
        this.sink = sink;
    }

    void track(String userId, Instant at, String event, Map<String, Object> properties) {
        sink.accept(new DemoEvent(nextId(), DemoEvent.TRACK, userId, event, properties, at));
    }

    void identify(String userId, Instant at, Map<String, Object> traits) {
        sink.accept(new DemoEvent(nextId(), DemoEvent.IDENTIFY, userId, null, traits, at));
    }

    private String nextId() {
        return UUID.nameUUIDFromBytes((namespace + ":" + counter++).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
