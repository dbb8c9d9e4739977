package org.hainstall.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Domain, subnets, gateway, DNS, and every address: valid, inside its subnet, unique. */
final class NetworkRules implements Rule {
    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (!p.required("network", c.network())) {
            return;
        }
        ClusterConfig.Network n = c.network();
        if (p.required("network.domain", n.domain()) && !Names.hostname(n.domain())) {
            p.error("network.domain", ProblemCode.HOSTNAME_INVALID, Quote.of(n.domain()) + " is not a DNS domain (RFC 1123).");
        }
        Optional<Ipv4.Subnet> main = subnet(p, "network.subnet", n.subnet());
        Optional<Ipv4.Subnet> repl = subnet(p, "network.replicationSubnet", n.replicationSubnet());
        if (main.isPresent() && repl.isPresent() && main.get().overlaps(repl.get())) {
            p.error("network.replicationSubnet", ProblemCode.SUBNET_OVERLAP, "replication subnet " + repl.get()
                    + " overlaps the main subnet " + main.get() + "; the replication link needs its own.");
        }
        if (p.required("network.gateway", n.gateway())) {
            inSubnet(p, "network.gateway", n.gateway(), main, "network.subnet", false);
        }
        List<String> dns = Rule.each(n.dns());
        for (int i = 0; i < dns.size(); i++) {
            if (p.required(Rule.at("network.dns", i), dns.get(i))) {
                Checks.address(p, Rule.at("network.dns", i), dns.get(i));
            }
        }
        if (p.required("network.serviceAddress", n.serviceAddress())) {
            inSubnet(p, "network.serviceAddress", n.serviceAddress(), main, "network.subnet", true);
        }
        List<ClusterConfig.Node> nodes = Rule.each(c.nodes());
        for (int i = 0; i < nodes.size(); i++) {
            ClusterConfig.Node node = nodes.get(i);
            if (node == null) {
                continue;
            }
            String path = Rule.at("nodes", i);
            if (p.required(path + ".address", node.address())) {
                inSubnet(p, path + ".address", node.address(), main, "network.subnet", true);
            }
            if (p.required(path + ".replicationAddress", node.replicationAddress())) {
                inSubnet(p, path + ".replicationAddress", node.replicationAddress(), repl, "network.replicationSubnet", true);
            }
        }
        managementNotReserved(c, p, main);
        unique(c, p);
    }

    /** A management address inside the nodes' subnet must not be its network or (directed) broadcast address. */
    private static void managementNotReserved(ClusterConfig c, ProblemList p, Optional<Ipv4.Subnet> main) {
        OptionalLong m = c.management() == null ? OptionalLong.empty() : Ipv4.parse(c.management().address());
        if (m.isPresent() && main.isPresent() && main.get().contains(m.getAsLong())
                && main.get().isReserved(m.getAsLong())) {
            p.error("management.address", ProblemCode.ADDRESS_RESERVED, c.management().address() + " is the network "
                    + "or broadcast address of " + main.get() + "; the nodes could not call back to it.");
        }
    }

    private static Optional<Ipv4.Subnet> subnet(ProblemList p, String path, String text) {
        if (!p.required(path, text)) {
            return Optional.empty();
        }
        Optional<Ipv4.Subnet> subnet = Ipv4.Subnet.parse(text);
        if (subnet.isEmpty()) {
            p.error(path, ProblemCode.SUBNET_INVALID, Quote.of(text) + " is not a subnet such as 192.168.122.0/24.");
        } else if (subnet.get().hostBitsSet()) {
            p.error(path, ProblemCode.SUBNET_INVALID, Quote.of(text) + " has host bits set; did you mean " + subnet.get() + "?");
            return Optional.empty();
        }
        return subnet;
    }

    private static void inSubnet(ProblemList p, String path, String address, Optional<Ipv4.Subnet> subnet,
                                 String subnetPath, boolean forHost) {
        if (!Checks.address(p, path, address) || subnet.isEmpty()) {
            return;
        }
        long a = Ipv4.parse(address).getAsLong();
        if (!subnet.get().contains(a)) {
            p.error(path, ProblemCode.ADDRESS_OUTSIDE_SUBNET, address + " is outside " + subnetPath + " " + subnet.get() + ".");
        } else if (forHost && subnet.get().isReserved(a)) {
            p.error(path, ProblemCode.ADDRESS_RESERVED, address + " is the network or broadcast address of " + subnet.get()
                    + "; no host can have it.");
        }
    }

    /** Node, replication, service and management addresses are all different; the gateway is nobody's but the management's. */
    private static void unique(ClusterConfig c, ProblemList p) {
        Map<Long, String> seen = new HashMap<>();
        List<ClusterConfig.Node> nodes = Rule.each(c.nodes());
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) != null) {
                claim(p, seen, Rule.at("nodes", i) + ".address", nodes.get(i).address());
                claim(p, seen, Rule.at("nodes", i) + ".replicationAddress", nodes.get(i).replicationAddress());
            }
        }
        claim(p, seen, "network.serviceAddress", c.network().serviceAddress());
        if (c.management() != null) {
            claim(p, seen, "management.address", c.management().address());
        }
        OptionalLong gateway = Ipv4.parse(c.network().gateway());
        if (gateway.isPresent() && seen.containsKey(gateway.getAsLong())) {
            String holder = seen.get(gateway.getAsLong());
            if (!holder.equals("management.address")) {
                p.error(holder, ProblemCode.ADDRESS_DUPLICATE, c.network().gateway() + " is the gateway (network.gateway); "
                        + "give this a free address.");
            }
        }
    }

    private static void claim(ProblemList p, Map<Long, String> seen, String path, String address) {
        OptionalLong a = Ipv4.parse(address);
        if (a.isEmpty()) {
            return;
        }
        String earlier = seen.putIfAbsent(a.getAsLong(), path);
        if (earlier != null) {
            p.error(path, ProblemCode.ADDRESS_DUPLICATE, address + " is already used by " + earlier + ".");
        }
    }
}
