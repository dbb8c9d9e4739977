package org.hainstall.core.plan;

import java.util.List;
import java.util.Map;

/**
 * How a run ended. {@code results} holds every step of the run in catalog order.
 *
 * @param cancelled the admin cancelled (or the runner was interrupted): running steps finished, nothing new started
 */
public record RunResult(String runId, RunEffect mode, boolean cancelled, Map<StepId, StepResult> results) {
    public RunResult {
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
    }

    public List<StepId> withOutcome(Outcome outcome) {
        return results.values().stream().filter(r -> r.outcome() == outcome).map(StepResult::step).toList();
    }

    /** Steps this run changed (not those an earlier run changed). */
    public List<StepId> changed() {
        return withOutcome(Outcome.CHANGED);
    }

    /** Failed or left in an unknown state. */
    public boolean anyFailed() {
        return !withOutcome(Outcome.FAILED).isEmpty() || !withOutcome(Outcome.UNKNOWN).isEmpty();
    }

    /** Every step ended OK or CHANGED (a dry run: nothing failed). */
    public boolean success() {
        return !cancelled && !anyFailed()
                && (mode == RunEffect.DRY_RUN || withOutcome(Outcome.SKIPPED).isEmpty());
    }
}
