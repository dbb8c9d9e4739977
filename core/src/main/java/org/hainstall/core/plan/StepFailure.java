package org.hainstall.core.plan;

import java.util.Objects;
import org.hainstall.core.config.ProblemCode;

/**
 * Why a step failed, in three parts an administrator acts on: a stable code (scripts and the docs key on it),
 * the cause as found on the node, and what to do about it ({@code remedy}, null where hainstall cannot say more
 * than the cause does).
 */
public record StepFailure(ProblemCode code, String cause, String remedy) {
    public StepFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cause, "cause");
    }

    /** A failure described only by its message, as steps reported them before they carried codes. */
    public static StepFailure of(String message) {
        return new StepFailure(ProblemCode.STEP_FAILED, message, null);
    }

    /** The cause, then the remedy: the one line a terminal or a log shows. */
    public String describe() {
        return remedy == null || remedy.isBlank() ? cause : cause + "; " + remedy;
    }
}
