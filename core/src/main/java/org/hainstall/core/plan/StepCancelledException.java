package org.hainstall.core.plan;

/**
 * Thrown by {@link StepContext#checkCancelled} when the admin cancelled while a step was waiting (a sync, a
 * prompt). The step ends UNKNOWN; the next run re-checks it.
 */
public class StepCancelledException extends StepException {
    public StepCancelledException(StepId step) {
        super(step, "cancelled by the administrator while waiting");
    }
}
