package org.hainstall.ui.run;

import java.time.Instant;
import org.hainstall.core.plan.StepId;

/** One line of the run's log as the log view shows it: a step's output or a note about the step. */
public record LogLine(Instant at, StepId step, Kind kind, String text) {
    public enum Kind { OUT, ERR, NOTE }

    @Override
    public String toString() {
        return (step == null ? "" : "[" + step + "] ") + text;
    }
}
