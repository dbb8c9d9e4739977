package org.hainstall.core.plan;

import java.time.Duration;
import java.time.Instant;
import org.hainstall.core.remote.OutputListener;

/** What a run tells the world: the terminal, the wizard's run page, the run's log folder. Never a secret. */
public sealed interface Event {
    Instant at();

    record RunStarted(Instant at, String runId, RunMode mode, java.util.List<StepId> steps) implements Event { }

    record StepStarted(Instant at, StepId step, String title) implements Event { }

    record OutputLine(Instant at, StepId step, OutputListener.Stream stream, String line) implements Event { }

    /** A planned change, published before it is applied (and, in a dry run, instead of applying it). */
    record ChangePlanned(Instant at, StepId step, String description, java.util.List<String> actions)
            implements Event { }

    /** {@code failure} says why a step failed (code, cause, remedy); null for any other outcome. */
    record StepFinished(Instant at, StepId step, Outcome outcome, String summary, Duration took, StepFailure failure)
            implements Event {
        public StepFinished(Instant at, StepId step, Outcome outcome, String summary, Duration took) {
            this(at, step, outcome, summary, took, null);
        }
    }

    record PromptRequested(Instant at, Prompt prompt) implements Event { }

    record PromptAnswered(Instant at, String promptId, Prompt.Answer answer) implements Event { }

    record RunFinished(Instant at, String runId, boolean success, int changed, int failed, String summary)
            implements Event { }

    /**
     * Something the admin should know that is not a step's output: a stale lock taken over, a run resumed,
     * a cancel requested. {@code node} is null when it concerns the whole cluster.
     */
    record Notice(Instant at, String node, Level level, String message) implements Event {
        public enum Level { INFO, WARNING }
    }
}
