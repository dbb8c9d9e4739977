package org.hainstall.core.reconstruct;

import org.hainstall.core.config.ClusterConfig;

/**
 * The parts of a config that live on the workstation, not on the nodes: where nodes call back, how the
 * installer logs in, how new nodes are provisioned, where the DB2 image and local packages are. Reconstruct
 * cannot read them from a cluster, so the caller supplies them (or their defaults).
 */
public record WorkstationSettings(ClusterConfig.Management management, ClusterConfig.Access access,
                                  ClusterConfig.Provisioning provisioning, ClusterConfig.Packages packages,
                                  String db2InstallImage) {

    public static WorkstationSettings defaults() {
        return new WorkstationSettings(null, new ClusterConfig.Access("root", 22), null, null, null);
    }
}
