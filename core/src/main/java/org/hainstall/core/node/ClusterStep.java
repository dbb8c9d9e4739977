package org.hainstall.core.node;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
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
 * A cluster-wide step: reads facts from both nodes, decides (pure) what to do on which node, and does it node
 * by node. Like {@link FactStep} it decides from the snapshots, re-decides on fresh facts right before acting, and
 * forgets the facts it can have made stale — on every node, since acting on one can change what its peer shows.
 */
public abstract class ClusterStep<F> implements Step, ReadsFacts {
    private final StepId id;
    private final String title;
    private final Set<String> dependsOn;
    private final ClusterConfig config;
    private final NodeSnapshots snapshots;

    protected ClusterStep(String name, String title, Set<String> dependsOn, ClusterConfig config,
                          NodeSnapshots snapshots) {
        this.id = StepId.cluster(name);
        this.title = title;
        this.dependsOn = Set.copyOf(dependsOn);
        this.config = config;
        this.snapshots = snapshots;
    }

    /** Every fact {@link #read} takes from {@code node}. */
    protected abstract List<Fact> facts(String node);

    /** Reads the facts through {@link #look}; changes nothing. */
    protected abstract F read(StepContext ctx, boolean fresh) throws StepException;

    /** Pure. An empty action list for every node means satisfied. */
    protected abstract List<NodeActions> decide(F facts) throws StepException;

    protected abstract String satisfiedSummary(F facts);

    /** The parts whose facts this step's changes can make stale; every part unless a step knows better. */
    public Set<Part> touches() {
        return EnumSet.allOf(Part.class);
    }

    @Override
    public Map<String, List<Fact>> factsByNode() {
        Map<String, List<Fact>> out = new LinkedHashMap<>();
        config.nodes().forEach(n -> out.put(n.name(), facts(n.name())));
        return out;
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

    /** The look at {@code node}: its facts from the snapshot, or (fresh) read from the node now. */
    protected Look look(StepContext ctx, String node, boolean fresh) throws StepException {
        NodeSnapshot snapshot = snapshots.of(ctx.shell(node));
        try {
            if (fresh) {
                snapshot.refresh(facts(node));
            } else {
                snapshot.ensure(facts(node));
            }
        } catch (RemoteException e) {
            throw StepException.remote(id, "on " + node + ": ", e);
        }
        return new Look(id, snapshot, fresh);
    }

    protected F readChecked(StepContext ctx, boolean fresh) throws StepException {
        try {
            return read(ctx, fresh);
        } catch (IllegalArgumentException e) {
            throw new StepException(id, new StepFailure(ProblemCode.NODE_OUTPUT_UNREADABLE,
                    "cannot read the nodes' state: " + e.getMessage(), Look.UNREADABLE_REMEDY), e);
        }
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        F facts = readChecked(ctx, false);
        return NodeActions.toCheck(satisfiedSummary(facts), decide(facts));
    }

    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        F facts = readChecked(ctx, true);
        List<NodeActions> plan = decide(facts);
        Check now = NodeActions.toCheck(satisfiedSummary(facts), plan);
        if (now instanceof Check.Satisfied) {
            return;
        }
        if (!((Check.Change) now).actions().equals(planned.actions())) {
            throw new StepException(id, ProblemCode.NODE_CHANGED_SINCE_CHECK, "the nodes changed since they were"
                    + " checked; nothing done. Now: " + ((Check.Change) now).description(), FactStep.CHANGED_REMEDY);
        }
        try {
            for (NodeActions p : plan) {
                ctx.checkCancelled();
                ActionExecutor.execute(ctx, p.actions().stream().map(a -> Action.on(p.node(), a)).toList());
            }
        } finally {
            forgetTouched(ctx);
        }
    }

    /** After acting: every node's facts of the touched parts are read again next time. */
    protected void forgetTouched(StepContext ctx) {
        for (ClusterConfig.Node n : config.nodes()) {
            snapshots.of(ctx.shell(n.name())).forget(touches());
        }
    }
}
