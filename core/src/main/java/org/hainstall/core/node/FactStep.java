package org.hainstall.core.node;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.ActionExecutor;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepFailure;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.RemoteException;

/**
 * A per-node step shaped as "read facts" + "decide from facts" (pure, unit-tested on captured output).
 *
 * <p>{@link #check} decides from the run's snapshot of the node ({@link #facts} are read with every other step's in
 * one look). {@link #apply} reads its facts from the node again and re-decides right before acting, and refuses
 * when the decision changed: a destructive command (sfdisk, pvcreate, mkfs, create-md) only runs while the check
 * that proved its target empty still holds. After acting, the facts of the parts it {@link #touches} are forgotten,
 * so {@link #verify} and later steps read them again.
 */
public abstract class FactStep<F> implements Step, ReadsFacts {
    /** Shared with {@link ClusterStep}: another hand on the node between the check and the change. */
    static final String CHANGED_REMEDY = "something else changed the node between the check and the change; find"
            + " out what (another administrator, a script, Heartbeat), then run again: it plans from the node as it is";

    private final StepId id;
    private final String title;
    private final Set<String> dependsOn;
    private final NodeSnapshots snapshots;

    protected FactStep(String name, String node, String title, Set<String> dependsOn, NodeSnapshots snapshots) {
        this.id = StepId.onNode(name, node);
        this.title = title;
        this.dependsOn = Set.copyOf(dependsOn);
        this.snapshots = snapshots;
    }

    /** Every fact {@link #read} takes from the node, but those it {@linkplain Look#require requires} in rare cases. */
    public abstract List<Fact> facts();

    /** Reads what the decision needs from the look; changes nothing. */
    protected abstract F read(StepContext ctx, Look node) throws StepException;

    /** Pure: the same facts always give the same answer. Throws a refusal naming node, device and what was found. */
    protected abstract Check decide(F facts) throws StepException;

    /** The parts whose facts this step's changes can make stale; every part unless a step knows better. */
    public Set<Part> touches() {
        return EnumSet.allOf(Part.class);
    }

    @Override
    public Map<String, List<Fact>> factsByNode() {
        return Map.of(id.node(), facts());
    }

    @Override
    public StepId id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }

    /**
     * A last guard on the facts just re-read, before any action runs: steps refuse here to act on a plan made from
     * predictions (a dry run's view of a node not yet set up).
     */
    protected void beforeApply(F facts) throws StepException {
    }

    /** The facts from the snapshot, or (fresh) read from the node now. */
    protected F readFacts(StepContext ctx, boolean fresh) throws StepException {
        NodeSnapshot snapshot = snapshots.of(ctx.shell());
        try {
            if (fresh) {
                snapshot.refresh(facts());
            } else {
                snapshot.ensure(facts());
            }
            return read(ctx, new Look(id, snapshot, fresh));
        } catch (RemoteException e) {
            throw StepException.remote(id, "on " + id.node() + ": ", e);
        } catch (IllegalArgumentException e) {
            throw new StepException(id, new StepFailure(ProblemCode.NODE_OUTPUT_UNREADABLE, "on " + id.node()
                    + ": cannot read the node's state: " + e.getMessage(), Look.UNREADABLE_REMEDY), e);
        }
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        return decide(readFacts(ctx, false));
    }

    /** The decision on facts read from the node just now. */
    protected Check checkFresh(StepContext ctx) throws StepException {
        return decide(readFacts(ctx, true));
    }

    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        F facts = readFacts(ctx, true);
        Check now = decide(facts);
        if (now instanceof Check.Satisfied) {
            return;
        }
        Check.Change change = (Check.Change) now;
        beforeApply(facts);
        if (!change.actions().equals(planned.actions())) {
            throw new StepException(id, ProblemCode.NODE_CHANGED_SINCE_CHECK, "on " + id.node() + ": the node"
                    + " changed since it was checked; nothing done. Now it needs: " + change.description(),
                    CHANGED_REMEDY);
        }
        ctx.checkCancelled();
        act(ctx, change.actions());
    }

    /** Runs actions on this step's node; whatever they did, the facts they can touch are read again next time. */
    protected void act(StepContext ctx, List<Action> actions) throws StepException {
        try {
            ActionExecutor.execute(ctx, actions);
        } finally {
            snapshots.of(ctx.shell()).forget(touches());
        }
    }

    /** A refusal of this step, found outside {@link #decide} (in {@link #beforeApply}). */
    protected StepException refuse(ProblemCode code, String cause, String remedy) {
        return new StepException(id, code, cause, remedy);
    }
}
