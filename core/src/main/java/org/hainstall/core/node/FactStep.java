package org.hainstall.core.node;

import java.util.Set;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;

/**
 * A per-node step shaped as "read facts" + "decide from facts" (pure, unit-tested on captured output).
 *
 * <p>{@link #apply} reads the facts again and re-decides right before acting, and refuses when the decision
 * changed: a destructive command (sfdisk, pvcreate, mkfs, create-md) only runs while the check that proved its
 * target empty still holds.
 */
public abstract class FactStep<F> implements Step {
    private final StepId id;
    private final String title;
    private final Set<String> dependsOn;

    protected FactStep(String name, String node, String title, Set<String> dependsOn) {
        this.id = StepId.onNode(name, node);
        this.title = title;
        this.dependsOn = Set.copyOf(dependsOn);
    }

    /** Reads what the decision needs; changes nothing. */
    protected abstract F read(StepContext ctx, Remote node) throws StepException;

    /** Pure: the same facts always give the same answer. Throws a refusal naming node, device and what was found. */
    protected abstract Check decide(F facts) throws StepException;

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

    private F readFacts(StepContext ctx) throws StepException {
        try {
            return read(ctx, new Remote(id, ctx.shell()));
        } catch (IllegalArgumentException e) {
            throw new StepException(id, "on " + id.node() + ": cannot read the node's state: " + e.getMessage(), e);
        }
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        return decide(readFacts(ctx));
    }

    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        F facts = readFacts(ctx);
        Check now = decide(facts);
        if (now instanceof Check.Satisfied) {
            return;
        }
        Check.Change change = (Check.Change) now;
        beforeApply(facts);
        if (!change.actions().equals(planned.actions())) {
            throw new StepException(id, "on " + id.node() + ": the node changed since it was checked; nothing done."
                    + " Now it needs: " + change.description());
        }
        ctx.checkCancelled();
        new Remote(id, ctx.shell()).execute(change.actions(), ctx.output());
    }

    protected StepException refuse(String message) {
        return new StepException(id, message);
    }
}
