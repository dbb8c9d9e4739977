package org.hainstall.core.heartbeat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Durations;
import org.hainstall.core.drbd.DrbdFiles;
import org.hainstall.core.drbd.Roles;

/**
 * Renders Heartbeat 3's v1 configuration: ha.cf, authkeys, haresources, and hainstall's block in resource-agents'
 * /etc/ha.d/shellfuncs (see {@link #shellfuncs}).
 */
public final class HeartbeatFiles {
    public static final String HA_CF = "/etc/ha.d/ha.cf";
    public static final String AUTHKEYS = "/etc/ha.d/authkeys";
    public static final String HARESOURCES = "/etc/ha.d/haresources";
    /** resource-agents' shell library for Heartbeat's scripts (a conffile), where ha_clustermsg is defined. */
    public static final String SHELLFUNCS = "/etc/ha.d/shellfuncs";
    static final String SHELLFUNCS_BEGIN = "# BEGIN hainstall ha_clustermsg";
    static final String SHELLFUNCS_END = "# END hainstall ha_clustermsg";
    /**
     * Appended to shellfuncs, after its last line (which sources ocf-shellfuncs), so this ha_clustermsg replaces the
     * one defined above it. Why: see {@link #shellfuncs}.
     */
    static final String SHELLFUNCS_BLOCK = SHELLFUNCS_BEGIN + "\n"
            + "# Written by hainstall; changes inside this block are overwritten, the rest of the file is left alone.\n"
            + "# Heartbeat's scripts hand their messages to Heartbeat through its FIFO with ha_clustermsg, whose cat\n"
            + "# passes a message on in several write()s. When the peer dies, mach_down and req_resource (the one\n"
            + "# re-taking this node's own group from the dead peer) write at the same moment; the two messages\n"
            + "# interleave and Heartbeat drops one (\"msg2string: Message with zero fields\"), so the group is never\n"
            + "# started (ClusterLabs/resource-agents#396). Here one message is written at a time, under a lock.\n"
            + "ha_clustermsg() {\n"
            + "\t(\n"
            + "\t\tflock -w 30 9 || :\n"
            + "\t\t(echo \">>>\"; cat -; echo \"<<<\") | cat - >> \"$HA_FIFO\"\n"
            + "\t) 9>> \"$HA_FIFO.lock\"\n"
            + "}\n"
            + SHELLFUNCS_END + "\n";
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
                    + d.filesystem().type().configValue());
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

    /**
     * The node's /etc/ha.d/shellfuncs with hainstall's block at its end (an older block of ours removed first, the
     * rest kept as the package wrote it). The block redefines ha_clustermsg so that Heartbeat's scripts write one
     * message into its FIFO at a time: Debian's version pipes the message through a cat that writes it in pieces,
     * and when the peer dies while holding this node's own (preferred) group, mach_down and req_resource write at the
     * same moment, the FIFO reader gets the two messages interleaved, drops one, and the group is never started while
     * Heartbeat reports all resources held. shellfuncs is a conffile: dpkg keeps this change on upgrades; if an
     * administrator takes the package's version, {@code status} shows the block missing and {@code modify} puts it
     * back.
     *
     * @param existing the file as the node has it
     */
    public static String shellfuncs(String existing) {
        String rest = existing;
        int begin = rest.indexOf(SHELLFUNCS_BEGIN);
        while (begin >= 0) {
            int end = rest.indexOf(SHELLFUNCS_END, begin);
            int after = end < 0 ? rest.length() : rest.indexOf('\n', end);
            after = after < 0 ? rest.length() : after + 1;
            rest = rest.substring(0, begin) + rest.substring(after);
            begin = rest.indexOf(SHELLFUNCS_BEGIN);
        }
        if (!rest.isEmpty() && !rest.endsWith("\n")) {
            rest += "\n";
        }
        return rest + SHELLFUNCS_BLOCK;
    }

    /** The node a haresources file names first, when it is a node of the config. */
    public static java.util.Optional<String> preferredNode(ClusterConfig config, String haresources) {
        return java.util.Optional.ofNullable(haresources).flatMap(HaResourcesFacts::parse)
                .map(HaResourcesFacts::preferredNode)
                .filter(first -> config.nodes().stream().anyMatch(n -> n.name().equals(first)));
    }
}
