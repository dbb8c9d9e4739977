package org.hainstall.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.CountingShell;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/**
 * A run's connections: each node's shell, opened once and locked as soon as it is open, released and closed at
 * the end. {@link #openAll} connects every node up front (modify: fail before any change); otherwise a node is
 * connected when a step first needs it (create: the nodes exist only after provisioning).
 */
final class NodeConnections implements NodeShells, AutoCloseable {
    private record Connection(CountingShell shell, NodeLock lock) { }

    private final ClusterConfig config;
    private final ShellFactory factory;
    private final Function<Shell, NodeLock> lockFor;
    private final Map<String, Connection> open = new LinkedHashMap<>();

    /** @param lockFor makes the lock of a freshly opened shell; null for no lock (a dry run) */
    NodeConnections(ClusterConfig config, ShellFactory factory, Function<Shell, NodeLock> lockFor) {
        this.config = config;
        this.factory = factory;
        this.lockFor = lockFor;
    }

    void openAll() throws RemoteException, LockHeldException {
        for (ClusterConfig.Node node : config.nodes()) {
            connect(node.name());
        }
    }

    @Override
    public Shell shell(String node) {
        try {
            return connect(node);
        } catch (RemoteException e) {
            throw new NodeConnectionException(e.getMessage(), e);
        } catch (LockHeldException e) {
            throw new NodeConnectionException(e.getMessage(), e);
        }
    }

    // Serialised: connecting is rare, and two steps must never open two connections (or locks) to one node.
    private synchronized Shell connect(String name) throws RemoteException, LockHeldException {
        Connection c = open.get(name);
        if (c != null) {
            return c.shell();
        }
        ClusterConfig.Node node = config.nodes().stream().filter(n -> name.equals(n.name())).findFirst()
                .orElseThrow(() -> new NodeConnectionException(name + ": no such node in the config", null));
        CountingShell shell = new CountingShell(factory.open(config, node));
        NodeLock lock = null;
        try {
            if (lockFor != null) {
                lock = lockFor.apply(shell);
                lock.acquire();
            }
        } catch (RemoteException | LockHeldException | RuntimeException e) {
            shell.close();
            throw e;
        }
        open.put(name, new Connection(shell, lock));
        return shell;
    }

    /** Each connected node's remote commands so far, in the order the nodes were connected. */
    synchronized Map<String, CountingShell.Tally> tallies() {
        Map<String, CountingShell.Tally> out = new LinkedHashMap<>();
        open.forEach((name, c) -> out.put(name, c.shell().tally()));
        return out;
    }

    synchronized List<NodeLock> locks() {
        List<NodeLock> out = new ArrayList<>();
        open.values().forEach(c -> {
            if (c.lock() != null) {
                out.add(c.lock());
            }
        });
        return out;
    }

    @Override
    public synchronized void close() {
        for (Connection c : open.values()) {
            try {
                if (c.lock() != null) {
                    c.lock().release();
                }
            } finally {
                c.shell().close();
            }
        }
        open.clear();
    }
}
