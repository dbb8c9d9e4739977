package org.hainstall.core.seed;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;

/** A small two-node config for seed and provisioning tests. */
public final class TestClusters {
    private TestClusters() {
    }

    public static ClusterConfig twoNodes(String localRepository, ClusterConfig.Provisioning provisioning) {
        return new ClusterConfig(
                new ClusterConfig.ClusterInfo("sales-db", "test"),
                new ClusterConfig.Management("127.0.0.1", 8740),
                new ClusterConfig.Access("root", 22),
                provisioning,
                new ClusterConfig.Network("example.org", "192.168.122.0/24", "192.168.122.1",
                        List.of("192.168.122.1", "192.168.122.2"), "192.168.122.50", "10.10.0.0/24"),
                null,
                localRepository == null ? null : new ClusterConfig.Packages(localRepository),
                List.of(new Node("sales-db1", "192.168.122.11", "10.10.0.11", true, null, null),
                        new Node("sales-db2", "192.168.122.12", "10.10.0.12", false, null, null)),
                null, null, null, null, null);
    }

    public static ClusterConfig twoNodes() {
        return twoNodes(null, null);
    }

    public static ClusterConfig withManagement(ClusterConfig c, String address, int port) {
        return new ClusterConfig(c.cluster(), new ClusterConfig.Management(address, port), c.access(),
                c.provisioning(), c.network(), c.time(), c.packages(), c.nodes(), c.storage(), c.replication(),
                c.heartbeat(), c.db2(), c.backup());
    }

    public static ClusterConfig withNodes(ClusterConfig c, List<Node> nodes) {
        return new ClusterConfig(c.cluster(), c.management(), c.access(), c.provisioning(), c.network(), c.time(),
                c.packages(), nodes, c.storage(), c.replication(), c.heartbeat(), c.db2(), c.backup());
    }
}
