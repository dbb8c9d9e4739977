package org.hainstall.core.status;

import java.util.List;

/**
 * One node of a live cluster at a glance.
 *
 * @param error why the node could not be read, when {@code reachable} is false
 */
public record NodeStatus(String name, boolean reachable, String error, boolean heartbeatRunning,
                         List<DrbdDevice> drbd, List<String> mounted, boolean holdsServiceAddress,
                         List<String> runningInstances, List<String> databases) {
    public NodeStatus {
        drbd = List.copyOf(drbd);
        mounted = List.copyOf(mounted);
        runningInstances = List.copyOf(runningInstances);
        databases = List.copyOf(databases);
    }

    public static NodeStatus unreachable(String name, String error) {
        return new NodeStatus(name, false, error, false, List.of(), List.of(), false, List.of(), List.of());
    }

    /** Holds DRBD Primary on every resource. */
    public boolean primaryEverywhere() {
        return !drbd.isEmpty() && drbd.stream().allMatch(d -> "Primary".equals(d.localRole()));
    }
}
