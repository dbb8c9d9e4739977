package org.hainstall.core.drbd;

import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.DrbdProtocol;

/** Renders DRBD 8.4 configuration files (the lab's guests run the 8.4.11 module; drbd-utils 9 reads 8.4 syntax). */
public final class DrbdFiles {
    public static final String GLOBAL_COMMON = "/etc/drbd.d/global_common.conf";

    private DrbdFiles() {
    }

    public static String path(ClusterConfig.DrbdResource r) {
        return "/etc/drbd.d/" + r.name() + ".res";
    }

    public static String device(ClusterConfig.DrbdResource r) {
        return "/dev/drbd" + r.minor();
    }

    /** Seconds drbd.service waits at boot for a peer that was up before: see {@link #resource}. */
    public static final int WFC_TIMEOUT_S = 60;
    /** Seconds it waits when the cluster was already degraded (or the peer outdated) before the reboot. */
    public static final int DEGR_WFC_TIMEOUT_S = 30;

    public static String backingDevice(ClusterConfig.DrbdResource r) {
        return "/dev/" + r.backingVolume();
    }

    /**
     * The resource file. The after-sb policies never discard data silently: with no primary, only a side without
     * changes is discarded; with one primary, only when both agree (consensus); with two, DRBD disconnects and
     * waits for the administrator.
     *
     * <p>Start-up waits (drbd.service at boot): DRBD's default is to wait for the peer for ever, so a node that comes
     * back alone after both lost power would never reach Heartbeat. Chosen instead: when the peer was up before the
     * reboot, wait {@value #WFC_TIMEOUT_S} s for it (long enough for both nodes of a cold start to find each other
     * before Heartbeat picks the active one); when the cluster was already degraded or the peer outdated, wait
     * {@value #DEGR_WFC_TIMEOUT_S} s. Then Heartbeat starts and, after initdead, serves from the node that is there.
     */
    public static String resource(ClusterConfig config, ClusterConfig.DrbdResource r, String secret) {
        StringBuilder s = new StringBuilder();
        s.append("# Written by hainstall for cluster ").append(config.cluster().name())
                .append("; changes here are overwritten.\n");
        s.append("resource ").append(r.name()).append(" {\n");
        s.append("  startup {\n");
        s.append("    wfc-timeout ").append(WFC_TIMEOUT_S).append(";\n");
        s.append("    degr-wfc-timeout ").append(DEGR_WFC_TIMEOUT_S).append(";\n");
        s.append("    outdated-wfc-timeout ").append(DEGR_WFC_TIMEOUT_S).append(";\n");
        s.append("  }\n");
        s.append("  net {\n");
        s.append("    protocol ").append(config.replication().protocol() == null ? DrbdProtocol.C.configValue()
                : config.replication().protocol().configValue()).append(";\n");
        s.append("    cram-hmac-alg sha1;\n");
        s.append("    shared-secret \"").append(secret).append("\";\n");
        s.append("    after-sb-0pri discard-zero-changes;\n");
        s.append("    after-sb-1pri consensus;\n");
        s.append("    after-sb-2pri disconnect;\n");
        s.append("  }\n");
        for (ClusterConfig.Node n : config.nodes()) {
            s.append("  on ").append(n.name()).append(" {\n");
            s.append("    device ").append(device(r)).append(";\n");
            s.append("    disk ").append(backingDevice(r)).append(";\n");
            s.append("    address ").append(n.replicationAddress()).append(':').append(r.port()).append(";\n");
            s.append("    meta-disk internal;\n");
            s.append("  }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    /**
     * Debian's default global_common.conf asks drbdadm to report usage to LINBIT over the network; cluster nodes
     * (and the lab, which has no outside network) must not.
     */
    public static String globalCommon() {
        return "# Written by hainstall; changes here are overwritten.\n"
                + "global {\n  usage-count no;\n}\ncommon {\n}\n";
    }
}
