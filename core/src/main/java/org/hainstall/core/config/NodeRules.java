package org.hainstall.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Exactly two nodes with distinct host names, exactly one holding valid data, and their MACs. */
final class NodeRules implements Rule {
    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (!p.required("nodes", c.nodes())) {
            return;
        }
        List<ClusterConfig.Node> nodes = c.nodes();
        if (nodes.size() != 2) {
            p.error("nodes", ProblemCode.NODE_COUNT, "a cluster has exactly two nodes; this config lists " + nodes.size() + ".");
        }
        boolean physical = c.provisioning() != null
                && c.provisioning().kind() == ProvisioningKind.PHYSICAL;
        Map<String, String> names = new HashMap<>();
        Map<String, String> macs = new HashMap<>();
        int holders = 0;
        for (int i = 0; i < nodes.size(); i++) {
            String path = Rule.at("nodes", i);
            ClusterConfig.Node node = nodes.get(i);
            if (!p.required(path, node)) {
                continue;
            }
            if (p.required(path + ".name", node.name())) {
                if (!Names.hostname(node.name())) {
                    p.error(path + ".name", ProblemCode.HOSTNAME_INVALID, Quote.of(node.name())
                            + " is not a host name (RFC 1123: letters, digits and inner hyphens, dot-separated).");
                } else {
                    String earlier = names.putIfAbsent(Names.lower(node.name()), path + ".name");
                    if (earlier != null) {
                        p.error(path + ".name", ProblemCode.NODE_NAME_DUPLICATE, "node name " + Quote.of(node.name())
                                + " is already used by " + earlier + "; the two nodes need different names.");
                    }
                }
            }
            if (node.isValidDataHolder()) {
                holders++;
                if (holders == 2) {
                    p.error(path + ".holdsValidData", ProblemCode.VALID_DATA_HOLDER_COUNT,
                            "only one node may hold valid data (its data wins the initial sync); another one already does.");
                }
            }
            mac(p, macs, path + ".mac", node.mac(), physical);
            mac(p, macs, path + ".replicationMac", node.replicationMac(), physical);
        }
        if (holders == 0) {
            p.error("nodes", ProblemCode.VALID_DATA_HOLDER_COUNT,
                    "no node holds valid data; set holdsValidData: true on the node whose data wins the initial sync.");
        }
    }

    private static void mac(ProblemList p, Map<String, String> seen, String path, String mac, boolean required) {
        if (mac == null || mac.isBlank()) {
            if (required) {
                p.error(path, ProblemCode.MAC_REQUIRED,
                        "physical machines need their MAC addresses so each node can find its seed and its network cards.");
            }
            return;
        }
        if (!Names.mac(mac)) {
            p.error(path, ProblemCode.MAC_INVALID, Quote.of(mac) + " is not a unicast MAC address such as 52:54:00:00:00:12.");
            return;
        }
        String earlier = seen.putIfAbsent(Names.lower(mac), path);
        if (earlier != null) {
            p.error(path, ProblemCode.MAC_DUPLICATE, Quote.of(mac) + " is already used by " + earlier + ".");
        }
    }
}
