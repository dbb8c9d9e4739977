package org.hainstall.core.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of a run as a dependency graph.
 *
 * <p>How {@link Step#dependsOn} names resolve:
 * <ul>
 *   <li>a node step's name X means X on the same node when that node has one, else the cluster-wide X;</li>
 *   <li>a cluster-wide step's name X means X on <em>every</em> node that has it, plus the cluster-wide X
 *       if there is one — so a cluster-wide step is a barrier (DRBD connect, wait for sync);</li>
 *   <li>a node step that names a step that only exists on other nodes waits for all of them
 *       (e.g. "start heartbeat here only when both nodes have written ha.cf").</li>
 * </ul>
 * A name that resolves to nothing, a duplicate step or a cycle is a programming error in the catalog:
 * {@link IllegalArgumentException} naming the step.
 */
public final class StepGraph {
    private final List<Step> steps;
    private final Map<StepId, Step> byId;
    private final Map<StepId, Set<StepId>> dependencies;
    private final Map<StepId, Set<StepId>> dependants;
    private final Map<StepId, Integer> order;

    public StepGraph(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.byId = new LinkedHashMap<>();
        this.order = new HashMap<>();
        for (Step step : this.steps) {
            if (byId.put(step.id(), step) != null) {
                throw new IllegalArgumentException("duplicate step " + step.id());
            }
            order.put(step.id(), order.size());
        }
        this.dependencies = new LinkedHashMap<>();
        this.dependants = new LinkedHashMap<>();
        for (Step step : this.steps) {
            dependants.put(step.id(), new LinkedHashSet<>());
        }
        for (Step step : this.steps) {
            Set<StepId> deps = new LinkedHashSet<>();
            for (String name : step.dependsOn()) {
                Set<StepId> resolved = resolve(step.id(), name);
                if (resolved.isEmpty()) {
                    throw new IllegalArgumentException(step.id() + " depends on \"" + name
                            + "\", which is no step of this run");
                }
                deps.addAll(resolved);
            }
            deps.remove(step.id());
            dependencies.put(step.id(), Collections.unmodifiableSet(deps));
            for (StepId dep : deps) {
                dependants.get(dep).add(step.id());
            }
        }
        checkAcyclic();
    }

    private Set<StepId> resolve(StepId from, String name) {
        Set<StepId> out = new LinkedHashSet<>();
        if (!from.clusterWide()) {
            StepId same = StepId.onNode(name, from.node());
            if (byId.containsKey(same)) {
                out.add(same);
                return out;
            }
            StepId cluster = StepId.cluster(name);
            if (byId.containsKey(cluster)) {
                out.add(cluster);
                return out;
            }
        }
        for (StepId id : byId.keySet()) {
            if (id.name().equals(name)) {
                out.add(id);
            }
        }
        return out;
    }

    private void checkAcyclic() {
        Map<StepId, Integer> state = new HashMap<>();
        for (Step step : steps) {
            visit(step.id(), state, new ArrayList<>());
        }
    }

    private void visit(StepId id, Map<StepId, Integer> state, List<StepId> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        path.add(id);
        if (s != null && s == 1) {
            throw new IllegalArgumentException("steps depend on each other in a circle: " + path);
        }
        state.put(id, 1);
        for (StepId dep : dependencies.get(id)) {
            visit(dep, state, path);
        }
        state.put(id, 2);
        path.remove(path.size() - 1);
    }

    /** The steps in the order the catalog gave them. */
    public List<Step> steps() {
        return steps;
    }

    public Step step(StepId id) {
        return byId.get(id);
    }

    /** The steps this one waits for, directly. */
    public Set<StepId> dependenciesOf(StepId id) {
        return dependencies.get(id);
    }

    /** The steps that wait for this one, directly. */
    public Set<StepId> dependantsOf(StepId id) {
        return Collections.unmodifiableSet(dependants.get(id));
    }

    /** Everything that waits for this step, directly or through others. */
    public Set<StepId> transitiveDependantsOf(StepId id) {
        Set<StepId> out = new LinkedHashSet<>();
        List<StepId> todo = new ArrayList<>(dependants.get(id));
        while (!todo.isEmpty()) {
            StepId next = todo.remove(todo.size() - 1);
            if (out.add(next)) {
                todo.addAll(dependants.get(next));
            }
        }
        return out;
    }

    /** Everything this step waits for, directly or through others. */
    public Set<StepId> transitiveDependenciesOf(StepId id) {
        Set<StepId> out = new LinkedHashSet<>();
        List<StepId> todo = new ArrayList<>(dependencies.get(id));
        while (!todo.isEmpty()) {
            StepId next = todo.remove(todo.size() - 1);
            if (out.add(next)) {
                todo.addAll(dependencies.get(next));
            }
        }
        return out;
    }

    /** Position in the catalog; the runner starts ready steps in this order, so runs are reproducible. */
    public int position(StepId id) {
        return order.get(id);
    }

    /** The node names that appear in the steps, sorted. */
    public List<String> nodes() {
        Set<String> names = new java.util.TreeSet<>();
        for (StepId id : byId.keySet()) {
            if (!id.clusterWide()) {
                names.add(id.node());
            }
        }
        return List.copyOf(names);
    }
}
