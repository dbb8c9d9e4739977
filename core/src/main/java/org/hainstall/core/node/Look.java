package org.hainstall.core.node;

import java.util.Collection;
import java.util.List;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepFailure;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;

/**
 * A step's look at one node: the facts it reads, from the run's snapshot of that node. A fresh look (the one
 * {@code apply} decides on) has its facts read from the node just before; so are the facts it {@link #require}s.
 * Failures name the step and the node.
 */
public final class Look {
    /** What was read from a node could not be parsed: a damaged file on the node, or a form hainstall does not know. */
    static final String UNREADABLE_REMEDY = "nothing was changed; if what the cause names looks damaged on the node,"
            + " repair it, otherwise (an unexpected tool version) report it with the run's log folder";

    /** A read-only command failed on the node: only the node says why. */
    private static final String FACT_FAILED_REMEDY = "run it on the node to see why it fails (a missing tool, a"
            + " broken device, a file it may not read), fix that, then run again; nothing was changed";

    private final StepId step;
    private final NodeSnapshot snapshot;
    private final boolean fresh;

    public Look(StepId step, NodeSnapshot snapshot, boolean fresh) {
        this.step = step;
        this.snapshot = snapshot;
        this.fresh = fresh;
    }

    public String node() {
        return snapshot.node();
    }

    /** The fact's exit status and output; the caller interprets the exit status. */
    public CommandResult result(Fact fact) throws StepException {
        CommandResult r = snapshot.get(fact);
        if (r == null) {
            require(List.of(fact));
            r = snapshot.get(fact);
        }
        return r;
    }

    /** The output of a fact that must succeed: a non-zero exit is a failure, its output never parsed. */
    public String read(Fact fact) throws StepException {
        CommandResult r = result(fact);
        if (!r.ok()) {
            throw new StepException(step, ProblemCode.FACT_COMMAND_FAILED, "on " + node() + ": "
                    + fact.command().line() + " failed with exit " + r.exitCode()
                    + (r.stderr().isBlank() ? "" : " — " + r.stderr().strip()), FACT_FAILED_REMEDY);
        }
        return r.stdout();
    }

    /** A {@link Fact#file} or {@link Fact#digest}. */
    public FileState file(Fact fact) throws StepException {
        CommandResult r = result(fact);
        try {
            return FileState.of(fact, r);
        } catch (IllegalArgumentException e) {
            // A read that failed (exit other than 0, or 3 for a missing file) is not output in a form we do not know.
            StepFailure failure = r.ok()
                    ? new StepFailure(ProblemCode.NODE_OUTPUT_UNREADABLE, "on " + node() + ": cannot read "
                            + fact.name() + ": " + e.getMessage(), UNREADABLE_REMEDY)
                    : new StepFailure(ProblemCode.FACT_COMMAND_FAILED, "on " + node() + ": cannot read "
                            + fact.name() + ": " + e.getMessage(), FACT_FAILED_REMEDY);
            throw new StepException(step, failure, e);
        }
    }

    /**
     * Facts read only in some cases (an instance to move needs its sizes): missing ones are read in one look, all
     * of them again when this look is fresh.
     */
    public void require(Collection<Fact> facts) throws StepException {
        try {
            if (fresh) {
                snapshot.refresh(facts);
            } else {
                snapshot.ensure(facts);
            }
        } catch (RemoteException e) {
            throw StepException.remote(step, "on " + node() + ": ", e);
        }
    }
}
