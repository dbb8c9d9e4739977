package org.hainstall.core.node;

import java.util.Collection;
import java.util.List;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;

/**
 * A step's look at one node: the facts it reads, from the run's snapshot of that node. A fresh look (the one
 * {@code apply} decides on) has its facts read from the node just before; so are the facts it {@link #require}s.
 * Failures name the step and the node.
 */
public final class Look {
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
            throw new StepException(step, "on " + node() + ": " + fact.command().line() + " failed with exit "
                    + r.exitCode() + (r.stderr().isBlank() ? "" : " — " + r.stderr().strip()));
        }
        return r.stdout();
    }

    /** A {@link Fact#file} or {@link Fact#digest}. */
    public FileState file(Fact fact) throws StepException {
        try {
            return FileState.of(fact, result(fact));
        } catch (IllegalArgumentException e) {
            throw new StepException(step, "on " + node() + ": cannot read " + fact.name() + ": " + e.getMessage(), e);
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
            throw new StepException(step, "on " + node() + ": " + e.getMessage(), e);
        }
    }
}
