package org.hainstall.core.clone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;

/**
 * Proposes a second cluster from a first one on the same subnets: everything that would collide on the wire is
 * changed (cluster name, node names, node and service addresses, Heartbeat's UDP port); everything else (storage,
 * DRBD layout, DB2 instances and databases, backup) is kept. New secrets are generated separately, in the clone's
 * own secrets folder. Addresses are the next free ones after every address the source uses.
 */
public final class CloneProposer {

    public ClusterConfig propose(ClusterConfig source, String newName) {
        Set<Long> used = new HashSet<>();
        collectAddresses(source, used);
        List<Node> nodes = new ArrayList<>();
        int i = 1;
        for (Node n : source.nodes()) {
            String address = nextFree(n.address(), used);
            String repl = n.replicationAddress() == null ? null : nextFree(n.replicationAddress(), used);
            // Keep which node wins the first sync on the clone's own (empty) disks.
            nodes.add(new Node(newName + i, address, repl, n.holdsValidData(), null, null));
            i++;
        }
        ClusterConfig.Network net = source.network();
        ClusterConfig.Network newNet = net == null ? null : new ClusterConfig.Network(net.domain(), net.subnet(),
                net.gateway(), net.dns(), net.serviceAddress() == null ? null : nextFree(net.serviceAddress(), used),
                net.replicationSubnet());
        ClusterConfig.Heartbeat hb = source.heartbeat();
        ClusterConfig.Heartbeat newHb = hb == null ? null : new ClusterConfig.Heartbeat(
                nextUdpPort(hb.udpPort()), hb.keepalive(), hb.warntime(), hb.deadtime(), hb.initdead(),
                hb.autoFailback());
        return new ClusterConfig(
                new ClusterConfig.ClusterInfo(newName, "Clone of " + (source.cluster() == null ? "?" : source.cluster().name())),
                source.management(), source.access(), source.provisioning(), newNet, source.time(), source.packages(),
                nodes, source.storage(), source.replication(), newHb, source.db2(), source.backup());
    }

    private static int nextUdpPort(Integer port) {
        int p = port == null ? 694 : port;
        return p >= 65535 ? 6941 : p + 1;
    }

    private static void collectAddresses(ClusterConfig c, Set<Long> used) {
        if (c.nodes() != null) {
            for (Node n : c.nodes()) {
                add(used, n.address());
                add(used, n.replicationAddress());
            }
        }
        if (c.network() != null) {
            add(used, c.network().serviceAddress());
            add(used, c.network().gateway());
            if (c.network().dns() != null) {
                c.network().dns().forEach(d -> add(used, d));
            }
        }
        if (c.management() != null) {
            add(used, c.management().address());
        }
    }

    private static void add(Set<Long> used, String address) {
        Long v = toLong(address);
        if (v != null) {
            used.add(v);
        }
    }

    /** The first address after {@code from} (same /24 neighbourhood upwards) that nothing uses yet. */
    private static String nextFree(String from, Set<Long> used) {
        Long v = toLong(from);
        if (v == null) {
            return from;
        }
        long candidate = v + 1;
        while (used.contains(candidate) || (candidate & 255) == 0 || (candidate & 255) == 255) {
            candidate++;
        }
        used.add(candidate);
        return ((candidate >> 24) & 255) + "." + ((candidate >> 16) & 255) + "." + ((candidate >> 8) & 255) + "."
                + (candidate & 255);
    }

    static Long toLong(String address) {
        if (address == null || !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        long v = 0;
        for (String o : address.split("\\.")) {
            int octet = Integer.parseInt(o);
            if (octet > 255) {
                return null;
            }
            v = (v << 8) | octet;
        }
        return v;
    }
}
