package io.aftercart.intelligence.churn.internal;

import io.aftercart.contracts.EventJson;
import io.aftercart.intelligence.churn.ChurnModelVersion;
import io.aftercart.platform.store.ServiceStore;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Model versions: their figures as columns for SQL readers, and the whole version as a JSON document. */
public final class ModelVersionStore {

    private final ServiceStore store;

    public ModelVersionStore(ServiceStore store) {
        this.store = store;
    }

    public long nextVersion() {
        return store.jdbc().sql("SELECT COALESCE(MAX(version), 0) + 1 FROM churn_model_versions")
                .query(Long.class).single();
    }

    public void save(ChurnModelVersion v) {
        var pm = v.purchaseModel();
        var sm = v.spendModel();
        store.jdbc().sql("INSERT INTO churn_model_versions (version, status, reason, fitted_at, data_cutoff, customers,"
                        + " repeat_customers, fit_millis, r, alpha, a, b, log_likelihood, converged, spend_p, spend_q,"
                        + " spend_gamma, spend_log_likelihood, document)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(v.version(), v.status(), v.reason(), v.fittedAt().atOffset(ZoneOffset.UTC), v.dataCutoff(),
                        v.customers(), v.repeatCustomers(), v.fitMillis(),
                        pm == null ? null : pm.r(), pm == null ? null : pm.alpha(), pm == null ? null : pm.a(),
                        pm == null ? null : pm.b(), pm == null ? null : finite(pm.logLikelihood()),
                        pm != null && pm.converged(), sm == null ? null : sm.p(), sm == null ? null : sm.q(),
                        sm == null ? null : sm.gamma(), sm == null ? null : finite(sm.logLikelihood()),
                        EventJson.mapper().writeValueAsString(v))
                .update();
    }

    /** The newest version that can score. */
    public Optional<ChurnModelVersion> latestUsable() {
        return latest("WHERE status = ?", List.of(ChurnModelVersion.FITTED));
    }

    /** The newest version, whatever its status. */
    public Optional<ChurnModelVersion> latest() {
        return latest("", List.of());
    }

    private Optional<ChurnModelVersion> latest(String where, List<?> params) {
        return store.jdbc().sql("SELECT document FROM churn_model_versions " + where + " ORDER BY version DESC LIMIT 1")
                .params(params).query(String.class).optional()
                .map(json -> EventJson.mapper().readValue(json, ChurnModelVersion.class));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
