package org.hainstall.core.plan;

import java.util.Set;
import org.hainstall.core.config.ProblemCode;

/**
 * One idempotent piece of work: check, then act only if needed, then verify.
 *
 * <p>{@link #check} reads facts (from the node, through {@link StepContext#shell}) and decides from them; keep
 * the decision a pure function of the facts so it can be unit-tested on output captured from real machines.
 * A {@link Check.Change} lists exactly what {@link #apply} will do — that list is the dry run.
 */
public interface Step {

    /** Which step, on which node ({@code node} is null for a cluster-wide step). */
    StepId id();

    /** A short title for people: "DRBD resources". */
    String title();

    /** Names of the steps that must have finished before this one (on the same node, or cluster-wide). */
    Set<String> dependsOn();

    /** Reads facts and decides. Must not change anything. */
    Check check(StepContext ctx) throws StepException;

    /**
     * Carries out the change that {@link #check} returned. The default runs the change's actions in order and
     * fails on the first that fails; steps with logic between actions override it.
     */
    default void apply(StepContext ctx, Check.Change change) throws StepException {
        ActionExecutor.execute(ctx, change.actions());
    }

    /**
     * Confirms that the change took effect. The default re-checks and expects {@link Check.Satisfied}; steps whose
     * effect lands later (a sync) override it.
     */
    default void verify(StepContext ctx) throws StepException {
        Check again = check(ctx);
        if (again instanceof Check.Change c) {
            throw notEffective(id(), c);
        }
    }

    /** The failure of a change whose commands all succeeded while the node still differs from the config. */
    static StepException notEffective(StepId id, Check.Change still) {
        return new StepException(id, ProblemCode.CHANGE_NOT_EFFECTIVE, "still not as the config asks after the"
                + " change: " + still.description(), "the change's commands succeeded but did not take effect: see"
                + " the node's log in the run folder for what they printed, fix the cause on the node, then run again");
    }
}
