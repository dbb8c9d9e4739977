package org.hainstall.core.plan;

import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/** Small configs and shell factories for the plan's tests. */
final class TestClusters {
    private TestClusters() {
    }

    static ClusterConfig twoNodes(String name) {
        return new ClusterConfig(new ClusterConfig.ClusterInfo(name, null), null, null, null, null, null, null,
                List.of(new ClusterConfig.Node("n1", "192.168.122.11", "10.10.0.11", true, null, null),
                        new ClusterConfig.Node("n2", "192.168.122.12", "10.10.0.12", null, null, null)),
                null, null, null, null, null);
    }

    /** Hands out the given shells by node name; a node without one cannot be reached. */
    static ShellFactory factory(Map<String, ? extends Shell> shells) {
        return (config, node) -> {
            Shell s = shells.get(node.name());
            if (s == null) {
                throw new RemoteException(RemoteException.Kind.CONNECT, node.name() + ": unreachable");
            }
            return s;
        };
    }
}
