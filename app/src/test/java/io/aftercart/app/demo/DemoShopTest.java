package io.aftercart.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class DemoShopTest {

    private static final DemoSettings SMALL = new DemoSettings(100, 60, 20, 11, 200);

    @Test
    void backfillsThenTricklesLiveAndARestartIsDeduplicated() throws Exception {
        try (FakeCollector collector = new FakeCollector()) {
            DemoShop shop = new DemoShop(collector.baseUrl(), "wk_demo", SMALL);
            shop.start();
            int historySize = new DemoTraffic(SMALL).history(Instant.now()).size();
            await(() -> shop.stats().accepted() > historySize);
            shop.stop();
            assertTrue(collector.requests.stream()
                    .anyMatch(r -> r.body().path("batch").get(0).has("originalTimestamp")),
                    "live events should follow the backfill");
            assertEquals(0, shop.stats().rejected());

            // Same seed again: the history carries the same messageIds, so the collector sees duplicates.
            DemoShop restarted = new DemoShop(collector.baseUrl(), "wk_demo", SMALL);
            restarted.start();
            await(() -> restarted.stats().duplicates() >= historySize * 9L / 10);
            restarted.stop();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }
}
