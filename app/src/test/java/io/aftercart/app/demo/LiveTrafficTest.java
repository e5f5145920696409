package io.aftercart.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LiveTrafficTest {

    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    private final DemoTraffic traffic = new DemoTraffic(new DemoSettings(300, 60, 5, 42, 500));

    @Test
    void tricklesAtRoughlyTheConfiguredRateInTimeOrder() {
        LiveTraffic live = traffic.live(START);
        List<DemoEvent> events = new ArrayList<>();
        for (int second = 1; second <= 1_800; second++) {
            Instant now = START.plusSeconds(second);
            List<DemoEvent> due = live.due(now);
            due.forEach(e -> assertFalse(e.timestamp().isAfter(now)));
            events.addAll(due);
        }
        double rate = events.size() / 1_800.0;
        assertTrue(rate > 3.5 && rate < 6.5, "rate " + rate);
        for (int i = 1; i < events.size(); i++) {
            assertFalse(events.get(i).timestamp().isBefore(events.get(i - 1).timestamp()));
        }
        Set<String> kinds = new HashSet<>();
        events.forEach(e -> kinds.add(e.type() + ":" + e.event()));
        assertTrue(kinds.containsAll(Set.of("track:Order Completed", "track:Order Delivered", "track:Return Requested",
                "track:Product Reviewed", "identify:null")), "live shows whole stories: " + kinds);
    }

    @Test
    void eachRunHasNewMessageIdsSoTheCollectorKeepsThem() {
        Set<String> first = ids(traffic.live(START).due(START.plusSeconds(120)));
        Set<String> second = ids(traffic.live(START.plusSeconds(3_600)).due(START.plusSeconds(3_720)));
        assertFalse(first.isEmpty());
        first.retainAll(second);
        assertEquals(Set.of(), first);
    }

    @Test
    void liveEventsUseOriginalTimestamp() {
        DemoEvent event = traffic.live(START).due(START.plusSeconds(60)).get(0);
        assertTrue(event.toPayload(true).containsKey("originalTimestamp"));
        assertFalse(event.toPayload(true).containsKey("timestamp"));
    }

    private static Set<String> ids(List<DemoEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.messageId()));
        return ids;
    }
}
