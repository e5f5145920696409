package io.aftercart.analytics.web;

import io.aftercart.analytics.EventWarehouse;
import io.aftercart.analytics.kpi.KpiRollups;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Back-fill: recomputes every KPI rollup from the event warehouse, e.g. after a new KPI or a new exchange rate. */
@RestController
public class KpiAdminController {

    private final KpiRollups rollups;
    private final EventWarehouse warehouse;

    public KpiAdminController(KpiRollups rollups, EventWarehouse warehouse) {
        this.rollups = rollups;
        this.warehouse = warehouse;
    }

    /** Answers when the rebuilt rollups are committed; storing new events waits meanwhile (they are not lost). */
    @PostMapping("/api/v1/admin/kpis/rebuild")
    public RollupRebuild rebuild() {
        long started = System.nanoTime();
        long events = rollups.rebuild(warehouse);
        return new RollupRebuild(events, (System.nanoTime() - started) / 1_000_000);
    }

    /** @param replayedEvents the warehouse events the rollups were rebuilt from */
    public record RollupRebuild(long replayedEvents, long millis) {
    }
}
