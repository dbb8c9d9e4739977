package org.hainstall.core.status;

import java.util.List;
import java.util.Optional;

/**
 * The whole cluster: each node, which one is active (holds DRBD Primary, the mounts, the service address and the
 * instances), and every reason it is degraded. Healthy means no reason.
 */
public record ClusterStatus(List<NodeStatus> nodes, Optional<String> activeNode, List<String> degraded) {
    public ClusterStatus {
        nodes = List.copyOf(nodes);
        degraded = List.copyOf(degraded);
    }

    public boolean healthy() {
        return degraded.isEmpty();
    }
}
