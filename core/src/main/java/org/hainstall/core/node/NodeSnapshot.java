package org.hainstall.core.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * What one run knows of one node: each fact's last result. The first look reads every fact the run's steps will
 * need ({@code expected}) in one remote command; after a change, the facts of the parts it touched are forgotten
 * and the next look reads them — and whatever else is missing — again, in one command. Steps on different lanes
 * share it, so it is thread-safe; looks at one node go one at a time.
 */
public final class NodeSnapshot {
    private final Shell shell;
    private final Map<String, Fact> expected;
    private final Map<String, CommandResult> results = new HashMap<>();

    NodeSnapshot(Shell shell, Collection<Fact> expected) {
        this.shell = shell;
        Map<String, Fact> byName = new LinkedHashMap<>();
        expected.forEach(f -> byName.put(f.name(), f));
        this.expected = byName;
    }

    public String node() {
        return shell.nodeName();
    }

    Shell shell() {
        return shell;
    }

    /** The fact's result as last read, or null when it was not read (or was forgotten) since. */
    public synchronized CommandResult get(Fact fact) {
        return results.get(fact.name());
    }

    /**
     * Makes sure {@code facts} are known. When any is missing, one look reads it together with every other
     * expected fact that is missing, so the steps after this one find theirs already read.
     */
    public synchronized void ensure(Collection<Fact> facts) throws RemoteException {
        List<Fact> missing = new ArrayList<>();
        for (Fact f : facts) {
            if (!results.containsKey(f.name()) && missing.stream().noneMatch(m -> m.name().equals(f.name()))) {
                missing.add(f);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        for (Fact f : expected.values()) {
            if (!results.containsKey(f.name()) && missing.stream().noneMatch(m -> m.name().equals(f.name()))) {
                missing.add(f);
            }
        }
        read(missing);
    }

    /** Reads {@code facts} again from the node, whatever is known: a change is about to be decided on them. */
    public synchronized void refresh(Collection<Fact> facts) throws RemoteException {
        Map<String, Fact> distinct = new LinkedHashMap<>();
        facts.forEach(f -> distinct.put(f.name(), f));
        if (!distinct.isEmpty()) {
            read(new ArrayList<>(distinct.values()));
        }
    }

    /** Forgets every fact of these parts: a change may have made them stale. */
    public synchronized void forget(Set<Part> parts) {
        results.keySet().removeIf(name -> {
            Fact f = expected.get(name);
            return f == null || parts.contains(f.part());
        });
    }

    private void read(List<Fact> facts) throws RemoteException {
        for (Fact f : facts) {
            expected.putIfAbsent(f.name(), f);
        }
        results.putAll(Probe.of(facts).run(shell));
    }
}
