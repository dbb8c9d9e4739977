package org.hainstall.core.remote;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/** Minimal configs for remote tests: two nodes on loopback, the given access user and port. */
final class TestConfigs {
    private TestConfigs() {
    }

    static ClusterConfig twoNodes(int port, String user) {
        return new ClusterConfig(new ClusterConfig.ClusterInfo("test", null), null,
                new ClusterConfig.Access(user, port), null, null, null, null,
                List.of(new ClusterConfig.Node("node1", "127.0.0.1", null, true, null, null),
                        new ClusterConfig.Node("node2", "127.0.0.1", null, false, null, null)),
                null, null, null, null, null);
    }
}
