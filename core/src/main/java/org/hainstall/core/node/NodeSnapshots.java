package org.hainstall.core.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.remote.Shell;

/**
 * The node snapshots of one run, shared by the steps of one catalog: {@link #expect} collects, per node, every fact
 * those steps read, so the first look at a node reads them all at once. A snapshot belongs to the shell it reads
 * through: a new run opens new shells and so starts with nothing known.
 */
public final class NodeSnapshots {
    private final Map<String, Map<String, Fact>> expected = new HashMap<>();
    private final Map<String, NodeSnapshot> snapshots = new HashMap<>();

    /** Adds facts the steps will read on {@code node}. One name must always mean one command. */
    public synchronized void expect(String node, Collection<Fact> facts) {
        Map<String, Fact> known = expected.computeIfAbsent(node, n -> new LinkedHashMap<>());
        for (Fact f : facts) {
            Fact before = known.putIfAbsent(f.name(), f);
            if (before != null && !before.equals(f)) {
                throw new IllegalStateException("two facts named " + f.name() + ": " + before.command() + " and "
                        + f.command());
            }
        }
    }

    /** Every fact expected on {@code node}, in the order they were added. */
    public synchronized List<Fact> expected(String node) {
        return new ArrayList<>(expected.getOrDefault(node, Map.of()).values());
    }

    /** The snapshot of the node {@code shell} reaches, for the run that shell belongs to. */
    public synchronized NodeSnapshot of(Shell shell) {
        NodeSnapshot s = snapshots.get(shell.nodeName());
        if (s == null || s.shell() != shell) {
            s = new NodeSnapshot(shell, expected(shell.nodeName()));
            snapshots.put(shell.nodeName(), s);
        }
        return s;
    }
}
