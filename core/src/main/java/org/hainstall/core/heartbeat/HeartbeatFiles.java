package org.hainstall.core.heartbeat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Durations;
import org.hainstall.core.drbd.DrbdFiles;
import org.hainstall.core.drbd.Roles;

/** Renders Heartbeat 3's v1 configuration: ha.cf, authkeys, haresources. */
public final class HeartbeatFiles {
    public static final String HA_CF = "/etc/ha.d/ha.cf";
    public static final String AUTHKEYS = "/etc/ha.d/authkeys";
    public static final String HARESOURCES = "/etc/ha.d/haresources";
    /** The master control process's pid (Debian 12's heartbeat.service: PIDFile=/run/heartbeat.pid). */
    public static final String PID_FILE = "/run/heartbeat.pid";

    private HeartbeatFiles() {
    }

    /**
     * ha.cf for one node: unicast to the peer on both links (main and replication), so one failed link does not
     * look like a dead peer. {@code udpport} comes before the ucast lines — Heartbeat ignores it after them.
     *
     * @param mainIf        this node's interface on the main network
     * @param replicationIf this node's interface on the replication link
     */
    public static String haCf(ClusterConfig config, String node, String mainIf, String replicationIf) {
        ClusterConfig.Heartbeat hb = config.heartbeat();
        ClusterConfig.Node peer = Roles.peerOf(config, node);
        StringBuilder s = new StringBuilder();
        s.append("# Written by hainstall for cluster ").append(config.cluster().name())
                .append("; changes here are overwritten.\n");
        s.append("# udpport must come before any ucast/bcast line: Heartbeat ignores it after them.\n");
        s.append("udpport ").append(hb.udpPort()).append('\n');
        s.append("keepalive ").append(duration(hb.keepalive())).append('\n');
        s.append("warntime ").append(duration(hb.warntime())).append('\n');
        s.append("deadtime ").append(duration(hb.deadtime())).append('\n');
        s.append("initdead ").append(duration(hb.initdead())).append('\n');
        s.append("logfacility daemon\n");
        s.append("ucast ").append(mainIf).append(' ').append(peer.address()).append('\n');
        s.append("ucast ").append(replicationIf).append(' ').append(peer.replicationAddress()).append('\n');
        s.append("auto_failback ").append(Boolean.TRUE.equals(hb.autoFailback()) ? "on" : "off").append('\n');
        for (ClusterConfig.Node n : config.nodes()) {
            s.append("node ").append(n.name()).append('\n');
        }
        return s.toString();
    }

    /** Heartbeat reads bare numbers as seconds and accepts an "ms" suffix. */
    static String duration(String text) {
        Duration d = Durations.parse(text).orElseThrow(() -> new IllegalArgumentException("not a duration: " + text));
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : ms + "ms";
    }

    public static String authkeys(String key) {
        return "auth 1\n1 sha1 " + key + "\n";
    }

    /**
     * One resource group, owned at first start by the node holding valid data (with auto_failback off this only
     * matters when both nodes start together): DRBD primary, filesystems, the service address, the DB2 instances.
     */
    public static String haresources(ClusterConfig config, String mainIf) {
        return haresources(config, mainIf, null);
    }

    /**
     * @param existing the node's haresources now (null: none). The node named first is Heartbeat's preferred owner:
     *                 the one the existing file already names, so a re-run with a config whose holdsValidData followed
     *                 a failover changes nothing; otherwise the node holding valid data
     */
    public static String haresources(ClusterConfig config, String mainIf, String existing) {
        List<String> r = new ArrayList<>();
        r.add(preferredNode(config, existing).orElse(Roles.validDataHolder(config).name()));
        for (ClusterConfig.DrbdResource d : config.replication().resources()) {
            r.add("drbddisk::" + d.name());
        }
        for (ClusterConfig.DrbdResource d : config.replication().resources()) {
            r.add("Filesystem::" + DrbdFiles.device(d) + "::" + d.filesystem().mountPoint() + "::"
                    + d.filesystem().type());
        }
        String subnet = config.network().subnet();
        String prefix = subnet.substring(subnet.indexOf('/') + 1);
        // IPaddr2 (iproute2), not IPaddr: resource-agents' IPaddr needs ifconfig, route and ping (net-tools), which a
        // minimal Debian node lacks, and a resource that fails to start makes Heartbeat give every resource up.
        r.add("IPaddr2::" + config.network().serviceAddress() + "/" + prefix + "/" + mainIf);
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            r.add("db2::" + i.name());
        }
        return "# Written by hainstall for cluster " + config.cluster().name() + "; changes here are overwritten.\n"
                + String.join(" ", r) + "\n";
    }

    /** The node a haresources file names first, when it is a node of the config. */
    public static java.util.Optional<String> preferredNode(ClusterConfig config, String haresources) {
        return java.util.Optional.ofNullable(haresources).flatMap(HaResourcesFacts::parse)
                .map(HaResourcesFacts::preferredNode)
                .filter(first -> config.nodes().stream().anyMatch(n -> n.name().equals(first)));
    }
}
