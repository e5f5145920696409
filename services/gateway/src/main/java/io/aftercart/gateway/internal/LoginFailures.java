package io.aftercart.gateway.internal;

import io.aftercart.platform.store.ServiceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Consecutive failed sign-ins per user, kept in the store so a lock holds across restarts and, on PostgreSQL, across
 * gateway replicas. After {@code maxFailures} the account is locked for {@code lockout}.
 */
public class LoginFailures {

    private final ServiceStore store;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    public LoginFailures(ServiceStore store, int maxFailures, Duration lockout, Clock clock) {
        this.store = store;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Until when the user is locked, if he is now. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return state(username).map(State::lockedUntil).filter(until -> until != null && until.isAfter(now));
    }

    public void recordFailure(String username) {
        Instant now = clock.instant();
        State state = state(username).orElse(null);
        boolean lockOver = state != null && state.lockedUntil() != null && !state.lockedUntil().isAfter(now);
        int failures = state == null || lockOver ? 1 : state.failures() + 1;
        Instant lockedUntil = failures >= maxFailures ? now.plus(lockout) : null;
        store.transactions().executeWithoutResult(tx -> {
            store.jdbc().sql("DELETE FROM login_failures WHERE username = ?").param(username).update();
            store.jdbc().sql("INSERT INTO login_failures (username, failures, locked_until) VALUES (?, ?, ?)")
                    .params(username, failures, Times.utc(lockedUntil)).update();
        });
    }

    public void reset(String username) {
        store.jdbc().sql("DELETE FROM login_failures WHERE username = ?").param(username).update();
    }

    private Optional<State> state(String username) {
        return store.jdbc().sql("SELECT failures, locked_until FROM login_failures WHERE username = ?")
                .param(username)
                .query((row, n) -> new State(row.getInt("failures"), Times.read(row, "locked_until")))
                .optional();
    }

    private record State(int failures, Instant lockedUntil) {
    }
}
