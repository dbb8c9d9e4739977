package org.hainstall.core.plan;

import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.remote.RemoteException;

/**
 * A step could not do its work. The message names the node, the step and what was found; {@link #failure()}
 * holds the same as code, cause and remedy.
 *
 * <p>A step reports a failure with {@link #StepException(StepId, ProblemCode, String, String)}: a code from
 * {@link ProblemCode} (documented in docs/PROBLEM_CODES.md), the cause as found, and what the administrator can do.
 * The message-only constructors are not for new step code: their failure is the generic
 * {@link ProblemCode#STEP_FAILED}, which tells a script nothing. They stay for test steps and for
 * {@link StepCancelledException}, whose failure is never reported; {@code StepFailureCodesTest} keeps core's
 * main code from adding uses.
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

    /** Not for new step code: the failure is {@link ProblemCode#STEP_FAILED} (see the class comment). */
    public StepException(StepId step, String message, Throwable cause) {
        this(step, StepFailure.of(message), cause);
    }

    /** Not for new step code: the failure is {@link ProblemCode#STEP_FAILED} (see the class comment). */
    public StepException(StepId step, String message) {
        this(step, message, null);
    }

    /**
     * A command or file transfer that did not run to its end on a node, coded by what went wrong. {@code where}
     * prefixes the remote message ("on n1: "), which already names the node; the exception stays the cause, so
     * the runner still sees a lost connection in the chain.
     */
    public static StepException remote(StepId step, String where, RemoteException e) {
        String cause = where + e.getMessage();
        StepFailure failure = switch (e.kind()) {
            // The shell's sentences for these already say what to do (ConnectFailures, SshShell): no second remedy.
            case CONNECT, AUTHENTICATION, HOST_KEY, CONNECTION_LOST ->
                    new StepFailure(ProblemCode.NODE_UNREACHABLE, cause, null);
            case TIMEOUT -> new StepFailure(ProblemCode.NODE_COMMAND_TIMEOUT, cause,
                    "find out on the node why the command hangs (the node's log in the run folder holds what it"
                            + " printed), then run again: the next run checks before acting");
            case IO -> new StepFailure(ProblemCode.NODE_IO_FAILED, cause,
                    "fix what the node's last error line says (often a full or read-only filesystem, or sudo asking"
                            + " for a password), then run again");
        };
        return new StepException(step, failure, e);
    }

    /**
     * A step's wait was interrupted. Nothing interrupts a step's thread (the runner cancels between steps, and a
     * cancelled wait throws {@link StepCancelledException}), so this cannot happen in a run: it keeps the generic
     * {@link ProblemCode#STEP_FAILED} rather than a code no administrator would ever see. The caller restores the
     * thread's interrupt flag.
     */
    public static StepException interrupted(StepId step, String waiting, InterruptedException e) {
        return new StepException(step, "interrupted while " + waiting, e);
    }

    public StepId step() {
        return step;
    }

    public StepFailure failure() {
        return failure;
    }
}
