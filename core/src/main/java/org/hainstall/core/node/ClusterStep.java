package org.hainstall.core.node;

import java.util.List;
import java.util.Set;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;

/**
 * A cluster-wide step: reads facts from both nodes, decides (pure) what to do on which node, and does it node
 * by node. Like {@link FactStep} it re-decides right before acting.
 */
public abstract class ClusterStep<F> implements Step {
    private final StepId id;
    private final String title;
    private final Set<String> dependsOn;

    protected ClusterStep(String name, String title, Set<String> dependsOn) {
        this.id = StepId.cluster(name);
        this.title = title;
        this.dependsOn = Set.copyOf(dependsOn);
    }

    protected abstract F read(StepContext ctx) throws StepException;

    /** Pure. An empty action list for every node means satisfied. */
    protected abstract List<NodeActions> decide(F facts) throws StepException;

    protected abstract String satisfiedSummary(F facts);

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

    protected Remote remote(StepContext ctx, String node) {
        return new Remote(id, ctx.shell(node));
    }

    protected F readChecked(StepContext ctx) throws StepException {
        try {
            return read(ctx);
        } catch (IllegalArgumentException e) {
            throw new StepException(id, "cannot read the nodes' state: " + e.getMessage(), e);
        }
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        F facts = readChecked(ctx);
        return NodeActions.toCheck(satisfiedSummary(facts), decide(facts));
    }

    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        F facts = readChecked(ctx);
        List<NodeActions> plan = decide(facts);
        Check now = NodeActions.toCheck(satisfiedSummary(facts), plan);
        if (now instanceof Check.Satisfied) {
            return;
        }
        if (!((Check.Change) now).actions().equals(planned.actions())) {
            throw new StepException(id, "the nodes changed since they were checked; nothing done. Now: "
                    + ((Check.Change) now).description());
        }
        for (NodeActions p : plan) {
            ctx.checkCancelled();
            remote(ctx, p.node()).execute(p.actions(), ctx.output());
        }
    }
}
