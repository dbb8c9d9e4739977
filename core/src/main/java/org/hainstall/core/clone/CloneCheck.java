package org.hainstall.core.clone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Problem;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.config.Quote;

/**
 * What a clone must not share with its source. An error where the two would collide when both run on one
 * subnet (addresses, node names, Heartbeat's UDP port with the same auth key, the cluster name that names VMs and
 * the secrets folder); a warning where sharing is only unwise (the same auth key or DRBD secret on another port).
 */
public final class CloneCheck {

    /** The secrets that matter here, or null where a folder has none yet. Never printed. */
    public record SharedSecrets(String heartbeatAuthKey, List<String> drbdSecrets) { }

    public List<Problem> check(ClusterConfig source, SharedSecrets sourceSecrets, ClusterConfig clone,
                               SharedSecrets cloneSecrets) {
        List<Problem> problems = new ArrayList<>();
        if (Objects.equals(name(source), name(clone))) {
            problems.add(Problem.error("cluster.name", ProblemCode.CLONE_SAME_CLUSTER_NAME,
                    "the clone is still named " + Quote.of(name(clone))
                            + " like its source; VMs and secrets folders would collide"));
        }
        Set<String> sourceAddresses = new HashSet<>();
        source.nodes().forEach(n -> {
            sourceAddresses.add(n.address());
            sourceAddresses.add(n.replicationAddress());
        });
        sourceAddresses.add(source.network().serviceAddress());
        sourceAddresses.remove(null);
        Set<String> sourceNames = new HashSet<>();
        source.nodes().forEach(n -> sourceNames.add(n.name()));
        for (int i = 0; i < clone.nodes().size(); i++) {
            ClusterConfig.Node n = clone.nodes().get(i);
            if (sourceNames.contains(n.name())) {
                problems.add(Problem.error("nodes[" + i + "].name", ProblemCode.CLONE_SAME_NODE_NAME,
                        "node name " + Quote.of(n.name()) + " is used by the source cluster"));
            }
            if (sourceAddresses.contains(n.address())) {
                problems.add(Problem.error("nodes[" + i + "].address", ProblemCode.CLONE_SAME_ADDRESS,
                        n.address() + " is used by the source cluster"));
            }
            if (n.replicationAddress() != null && sourceAddresses.contains(n.replicationAddress())
                    && Objects.equals(source.network().replicationSubnet(), clone.network().replicationSubnet())) {
                problems.add(Problem.error("nodes[" + i + "].replicationAddress", ProblemCode.CLONE_SAME_ADDRESS,
                        n.replicationAddress() + " is used by the source cluster's replication link"));
            }
        }
        if (sourceAddresses.contains(clone.network().serviceAddress())) {
            problems.add(Problem.error("network.serviceAddress", ProblemCode.CLONE_SAME_ADDRESS,
                    clone.network().serviceAddress() + " is used by the source cluster"));
        }
        boolean sameSubnet = Objects.equals(source.network().subnet(), clone.network().subnet());
        boolean samePort = Objects.equals(source.heartbeat().udpPort(), clone.heartbeat().udpPort());
        boolean sameAuthKey = sourceSecrets != null && cloneSecrets != null && sourceSecrets.heartbeatAuthKey() != null
                && Objects.equals(sourceSecrets.heartbeatAuthKey(), cloneSecrets.heartbeatAuthKey());
        if (samePort && sameSubnet) {
            problems.add(Problem.error("heartbeat.udpPort", ProblemCode.CLONE_SAME_UDP_PORT,
                    "Heartbeat UDP port " + clone.heartbeat().udpPort()
                            + " is the source's on the same subnet; the clusters would hear each other"));
        }
        if (sameAuthKey) {
            problems.add(samePort && sameSubnet
                    ? Problem.error("heartbeat", ProblemCode.CLONE_SAME_AUTH_KEY,
                            "the clone's Heartbeat auth key is the source's; generate a new one")
                    : Problem.warning("heartbeat", ProblemCode.CLONE_SAME_AUTH_KEY,
                            "the clone's Heartbeat auth key is the source's; generate a new one"));
        }
        if (sourceSecrets != null && cloneSecrets != null && sourceSecrets.drbdSecrets() != null
                && cloneSecrets.drbdSecrets() != null) {
            for (String s : cloneSecrets.drbdSecrets()) {
                if (s != null && sourceSecrets.drbdSecrets().contains(s)) {
                    problems.add(Problem.warning("replication", ProblemCode.CLONE_SAME_DRBD_SECRET,
                            "a DRBD shared secret of the clone is the source's; generate new ones"));
                    break;
                }
            }
        }
        return problems;
    }

    private static String name(ClusterConfig c) {
        return c.cluster() == null ? null : c.cluster().name();
    }
}
