package org.hainstall.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.status.ClusterStatus;
import org.hainstall.core.status.DrbdDevice;
import org.hainstall.core.status.NodeStatus;
import tools.jackson.databind.json.JsonMapper;

/** Prints a {@link ClusterStatus} for people or, with --json, for monitoring. */
final class StatusPrinter {

    void print(PrintWriter out, ClusterStatus status, boolean json) {
        if (json) {
            out.println(JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(asMap(status)));
            return;
        }
        out.println("cluster: " + (status.healthy() ? "healthy" : "DEGRADED") + ", active node: "
                + status.activeNode().orElse("none"));
        for (NodeStatus n : status.nodes()) {
            if (!n.reachable()) {
                out.println("  " + n.name() + ": could not be read — " + n.error());
                continue;
            }
            out.println("  " + n.name() + ": heartbeat " + (n.heartbeatRunning() ? "running" : "STOPPED")
                    + (n.holdsServiceAddress() ? ", service address here" : ""));
            for (DrbdDevice d : n.drbd()) {
                out.println("    drbd" + d.minor() + ": " + d.connection() + " " + d.localRole() + "/" + d.peerRole()
                        + " " + d.localDisk() + "/" + d.peerDisk()
                        + (d.syncPercent() == null ? "" : " sync " + d.syncPercent() + "%"));
            }
            if (!n.mounted().isEmpty()) {
                out.println("    mounted: " + String.join(" ", n.mounted()));
            }
            if (!n.runningInstances().isEmpty()) {
                out.println("    DB2 running: " + String.join(" ", n.runningInstances())
                        + (n.databases().isEmpty() ? "" : "; databases: " + String.join(" ", n.databases())));
            }
        }
        for (String reason : status.degraded()) {
            out.println("  ! " + reason);
        }
    }

    private static Map<String, Object> asMap(ClusterStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("healthy", status.healthy());
        m.put("activeNode", status.activeNode().orElse(null));
        m.put("degraded", status.degraded());
        List<Map<String, Object>> nodes = status.nodes().stream().map(n -> {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("name", n.name());
            nm.put("reachable", n.reachable());
            nm.put("error", n.error());
            nm.put("heartbeat", n.heartbeatRunning());
            nm.put("drbd", n.drbd());
            nm.put("mounted", n.mounted());
            nm.put("serviceAddress", n.holdsServiceAddress());
            nm.put("db2Running", n.runningInstances());
            nm.put("databases", n.databases());
            return nm;
        }).toList();
        m.put("nodes", nodes);
        return m;
    }
}
