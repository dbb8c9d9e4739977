package org.hainstall.core.plan;

import java.util.Set;

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
            throw new StepException(id(), "still not as the config asks after the change: " + c.description());
        }
    }
}
