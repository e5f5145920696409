package io.aftercart.intelligence.churn;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Refits the churn models on a fixed schedule (off when the interval is zero). */
public class ChurnRefitSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChurnRefitSchedule.class);

    private final ChurnModels models;
    private final ChurnProperties properties;
    private ScheduledExecutorService executor;

    public ChurnRefitSchedule(ChurnModels models, ChurnProperties properties) {
        this.models = models;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (properties.refitInterval().isZero() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "churn-refit");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refit, properties.refitInitialDelay().toMillis(),
                properties.refitInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refit() {
        try {
            models.refit();
        } catch (RuntimeException e) {
            // the next run tries again; an exception here would end the schedule
            log.error("Scheduled churn model refit failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
