package org.hainstall.core.secrets;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/** A config with what the secrets depend on: two nodes and two DRBD resources. */
final class TestClusters {
    private TestClusters() {
    }

    static ClusterConfig salesDb() {
        return new ClusterConfig(new ClusterConfig.ClusterInfo("sales-db", null), null, null, null, null, null,
                null,
                List.of(new ClusterConfig.Node("sales-db1", "192.0.2.11", null, true, null, null),
                        new ClusterConfig.Node("sales-db2", "192.0.2.12", null, false, null, null)),
                null,
                new ClusterConfig.Replication("C", "full", List.of(
                        new ClusterConfig.DrbdResource("r0", 0, 7788, "vg/r0", null),
                        new ClusterConfig.DrbdResource("r1", 1, 7789, "vg/r1", null))),
                null, null, null);
    }
}
