package org.hainstall.core.plan;

import java.time.Duration;

/** How one step of a run ended; {@code failure} says why when it failed, and is null otherwise. */
public record StepResult(StepId step, Outcome outcome, String summary, Duration took, StepFailure failure) {
    public StepResult(StepId step, Outcome outcome, String summary, Duration took) {
        this(step, outcome, summary, took, null);
    }
}
