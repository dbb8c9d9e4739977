package org.hainstall.core.plan;

import java.time.Duration;

/** How one step of a run ended. */
public record StepResult(StepId step, Outcome outcome, String summary, Duration took) {
}
