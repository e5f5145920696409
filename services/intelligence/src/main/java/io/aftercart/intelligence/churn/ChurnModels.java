package io.aftercart.intelligence.churn;

import io.aftercart.intelligence.churn.internal.ChurnScorer;
import io.aftercart.intelligence.churn.internal.ChurnStore;
import io.aftercart.intelligence.churn.internal.ModelFitter;
import io.aftercart.intelligence.churn.internal.ModelVersionStore;
import io.aftercart.intelligence.churn.internal.ScoringSettings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The churn and lifetime-value models: fitting new versions, scoring customers with the newest usable one and
 * publishing the scores. Scores are computed as of today (UTC) from the stored purchase summaries.
 */
public class ChurnModels {

    private static final Logger log = LoggerFactory.getLogger(ChurnModels.class);
    private static final int PUBLISH_CHUNK = 10_000;

    private final ChurnStore store;
    private final ModelVersionStore versions;
    private final ModelFitter fitter;
    private final ChurnProperties properties;
    private final PredictionSink sink;
    private final Clock clock;
    private final ReentrantLock refitting = new ReentrantLock();
    private volatile ChurnModelVersion current;

    public ChurnModels(ChurnStore store, ModelVersionStore versions, ChurnProperties properties, PredictionSink sink,
            Clock clock) {
        this.store = store;
        this.versions = versions;
        this.properties = properties;
        this.sink = sink;
        this.clock = clock;
        this.fitter = new ModelFitter(new ModelFitter.Thresholds(properties.minCustomers(),
                properties.minRepeatCustomers(), properties.atRiskValuePercentile(), properties.atRiskPAlive()), clock);
        this.current = versions.latestUsable().orElse(null);
    }

    /**
     * Fits a new version on all customers, stores it, and if it is usable scores and publishes every customer.
     * Concurrent calls run one after the other.
     */
    public ChurnModelVersion refit() {
        refitting.lock();
        try {
            LocalDate cutoff = today();
            List<PurchaseSummary> customers = store.summaries(null);
            ChurnModelVersion version = fitter.fit(versions.nextVersion(), customers, cutoff);
            versions.save(version);
            log.info("Churn model version {}: {} ({} customers, {} ms){}", version.version(), version.status(),
                    version.customers(), version.fitMillis(), version.reason() == null ? "" : ": " + version.reason());
            if (version.usable()) {
                current = version;
                List<CustomerPrediction> scores = scorer(version).score(customers, cutoff);
                for (int from = 0; from < scores.size(); from += PUBLISH_CHUNK) {
                    sink.publish(scores.subList(from, Math.min(scores.size(), from + PUBLISH_CHUNK)));
                }
            }
            return version;
        } finally {
            refitting.unlock();
        }
    }

    /** The version in use, if any. */
    public Optional<ChurnModelVersion> current() {
        return Optional.ofNullable(current);
    }

    /** The newest version, usable or not. */
    public Optional<ChurnModelVersion> latest() {
        return versions.latest();
    }

    /**
     * A customer's prediction as of today, or empty if he has no purchase on record.
     *
     * @param horizonDays horizon of the expected purchases, or null for the configured one
     */
    public Optional<CustomerPrediction> predict(String customerId, Integer horizonDays) {
        return store.summary(customerId).map(summary -> score(List.of(summary), horizonDays).get(0));
    }

    /** Scores and publishes these customers (after their purchases changed), if a model is in use. */
    public void rescore(List<PurchaseSummary> summaries) {
        if (current != null && !summaries.isEmpty()) {
            sink.publish(score(summaries, null));
        }
    }

    /** Valuable customers whose P(alive) is below the threshold, most valuable first. */
    public List<CustomerPrediction> atRisk(int limit) {
        ChurnModelVersion version = current;
        if (version == null) {
            return List.of();
        }
        return scorer(version).score(store.summaries(BigDecimal.valueOf(version.atRiskValueThreshold())), today())
                .stream().filter(CustomerPrediction::atRisk)
                .sorted(Comparator.comparingDouble(CustomerPrediction::pastValue).reversed()
                        .thenComparing(CustomerPrediction::customerId))
                .limit(limit).toList();
    }

    private List<CustomerPrediction> score(List<PurchaseSummary> summaries, Integer horizonDays) {
        ChurnModelVersion version = current;
        LocalDate asOf = today();
        int horizon = horizonDays == null ? properties.horizonDays() : horizonDays;
        if (version == null) {
            String reason = versions.latest().map(v -> v.reason() != null ? v.reason() : "no usable model version")
                    .orElse("no model has been fitted yet");
            return summaries.stream().map(s -> new CustomerPrediction(s.customerId(), null,
                    CustomerPrediction.INSUFFICIENT_DATA, reason, asOf, null, null, null, horizon, null, null, null,
                    null, null, properties.clvHorizonDays(), s.totalSpend().doubleValue(), false, s.currency()))
                    .toList();
        }
        return scorer(version, horizon).score(summaries, asOf);
    }

    private ChurnScorer scorer(ChurnModelVersion version) {
        return scorer(version, properties.horizonDays());
    }

    private ChurnScorer scorer(ChurnModelVersion version, int horizonDays) {
        return new ChurnScorer(ModelFitter.scoringModel(version), new ScoringSettings(horizonDays,
                properties.clvHorizonDays(), properties.clvPeriods(), properties.annualDiscountRate(),
                properties.clvIntervalLevel(), properties.clvIntervalSamples(), version.version()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
