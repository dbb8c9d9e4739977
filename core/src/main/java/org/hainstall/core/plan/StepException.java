package org.hainstall.core.plan;

/** A step could not do its work. The message names the node, the step and what was found. */
public class StepException extends Exception {
    private final StepId step;

    public StepException(StepId step, String message, Throwable cause) {
        super(step + ": " + message, cause);
        this.step = step;
    }

    public StepException(StepId step, String message) {
        this(step, message, null);
    }

    public StepId step() {
        return step;
    }
}
