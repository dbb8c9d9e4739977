package org.hainstall.core.plan;

import java.util.Map;

/**
 * Where the runner records each step's start and end, so a crashed or cancelled run can resume. Implementations
 * must have made a record durable before the method returns (the step starts only after "started" is on disk).
 */
public interface RunJournal {

    /** Steps that an earlier, unfinished run of the same config finished OK or CHANGED: not redone. */
    Map<StepId, String> finishedEarlier();

    /** A step finished in an earlier run and is carried over without running again. */
    void carried(StepId step, String fromRunId);

    void stepStarted(StepId step);

    void stepFinished(StepId step, Outcome outcome, String summary);

    void runFinished(RunResult result);

    /** For dry runs and tests: remembers nothing. */
    static RunJournal none() {
        return new RunJournal() {
            @Override
            public Map<StepId, String> finishedEarlier() {
                return Map.of();
            }

            @Override
            public void carried(StepId step, String fromRunId) {
            }

            @Override
            public void stepStarted(StepId step) {
            }

            @Override
            public void stepFinished(StepId step, Outcome outcome, String summary) {
            }

            @Override
            public void runFinished(RunResult result) {
            }
        };
    }
}
