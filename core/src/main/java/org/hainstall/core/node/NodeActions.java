package org.hainstall.core.node;

import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;

/** What a cluster-wide step does on each node, in order: node by node. */
public record NodeActions(String node, String description, List<Action> actions) {
    public NodeActions {
        actions = List.copyOf(actions);
    }

    /** One change for the dry run: each node's description, and every action in the order they run. */
    public static Check toCheck(String summary, List<NodeActions> plan) {
        List<NodeActions> nonEmpty = plan.stream().filter(p -> !p.actions().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return Check.satisfied(summary);
        }
        StringBuilder d = new StringBuilder();
        List<Action> all = new ArrayList<>();
        for (NodeActions p : nonEmpty) {
            if (d.length() > 0) {
                d.append("; then ");
            }
            d.append("on ").append(p.node()).append(": ").append(p.description());
            all.addAll(p.actions());
        }
        return Check.change(d.toString(), all);
    }
}
