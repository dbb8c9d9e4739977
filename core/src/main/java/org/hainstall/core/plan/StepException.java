package org.hainstall.core.plan;

import org.hainstall.core.config.ProblemCode;

/**
 * A step could not do its work. The message names the node, the step and what was found; {@link #failure()}
 * holds the same as code, cause and remedy. The message-only constructors stay for steps whose failure has no
 * better code than {@link ProblemCode#STEP_FAILED}.
 */
public class StepException extends Exception {
    private final StepId step;
    private final transient StepFailure failure;

    public StepException(StepId step, StepFailure failure, Throwable cause) {
        super(step + ": " + failure.describe(), cause);
        this.step = step;
        this.failure = failure;
    }

    public StepException(StepId step, ProblemCode code, String cause, String remedy) {
        this(step, new StepFailure(code, cause, remedy), null);
    }

    public StepException(StepId step, String message, Throwable cause) {
        this(step, StepFailure.of(message), cause);
    }

    public StepException(StepId step, String message) {
        this(step, message, null);
    }

    public StepId step() {
        return step;
    }

    public StepFailure failure() {
        return failure;
    }
}
