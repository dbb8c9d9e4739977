package org.hainstall.core.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.Node;

/**
 * The node's slice of the config as {@code hainstall/node.env}: shell assignments that node-prep.sh sources.
 * The keys are the contract of docs/INTERFACES.md. Every value passes an allow-list for its kind and is
 * single-quoted, so sourcing the file can never run anything; a value that does not pass is reported with its
 * config path and nothing is written.
 */
public final class NodeEnv {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*"
            + "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]{2,39}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private NodeEnv() {
    }

    /** The assignments, in contract order. */
    public static Map<String, String> values(SeedInputs in) throws SeedException {
        ClusterConfig c = in.config();
        List<Node> nodes = c.nodes();
        int index = indexOf(nodes, in.nodeName());
        Node node = nodes.get(index);
        Node peer = nodes.size() == 2 ? nodes.get(1 - index) : null;
        ClusterConfig.Network net = c.network();
        String domain = net == null ? null : net.domain();
        List<String> problems = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        String p = "nodes[" + index + "]";
        put(env, problems, "NODE_NAME", node.name(), NAME, p + ".name", true);
        put(env, problems, "NODE_FQDN", domain == null || domain.isBlank() ? node.name() : node.name() + "." + domain,
                DOMAIN, p + ".name / network.domain", true);
        put(env, problems, "NODE_ADDRESS", node.address(), ADDRESS, p + ".address", true);
        put(env, problems, "NODE_PREFIX", prefix(net == null ? null : net.subnet()), PREFIX, "network.subnet", true);
        put(env, problems, "NODE_MAC", lower(in.mainMac()), MAC, p + ".mac", true);
        put(env, problems, "NODE_GATEWAY", net == null ? null : net.gateway(), ADDRESS, "network.gateway", false);
        boolean repl = node.replicationAddress() != null && !node.replicationAddress().isBlank();
        put(env, problems, "REPL_ADDRESS", node.replicationAddress(), ADDRESS, p + ".replicationAddress", false);
        put(env, problems, "REPL_PREFIX", repl ? prefix(net == null ? null : net.replicationSubnet()) : null, PREFIX,
                "network.replicationSubnet", repl);
        put(env, problems, "REPL_MAC", repl ? lower(in.replicationMac()) : null, MAC, p + ".replicationMac", repl);
        List<String> dns = net == null ? List.of() : net.dns();
        for (int i = 0; i < dns.size(); i++) {
            check(dns.get(i), ADDRESS, "network.dns[" + i + "]", problems);
        }
        env.put("DNS_SERVERS", String.join(" ", dns));
        put(env, problems, "DOMAIN", domain, DOMAIN, "network.domain", false);
        int pi = 1 - index;
        put(env, problems, "PEER_NAME", peer == null ? null : peer.name(), NAME, "nodes[" + pi + "].name", true);
        put(env, problems, "PEER_ADDRESS", peer == null ? null : peer.address(), ADDRESS,
                "nodes[" + pi + "].address", true);
        put(env, problems, "PEER_REPL_ADDRESS", peer == null ? null : peer.replicationAddress(), ADDRESS,
                "nodes[" + pi + "].replicationAddress", false);
        env.put("CALLBACK_URL", callbackUrl(c, node.name(), problems));
        String user = c.access() == null || c.access().user() == null ? "root" : c.access().user();
        put(env, problems, "ACCESS_USER", user, USER, "access.user", true);
        if (!problems.isEmpty()) {
            throw new SeedException("seed for " + in.nodeName() + ": " + String.join("; ", problems));
        }
        return env;
    }

    /** The file text. */
    public static String render(SeedInputs in) throws SeedException {
        StringBuilder sb = new StringBuilder("# hainstall: this node's slice of the cluster config; sourced by "
                + "node-prep.sh.\n# Generated; every value is single-quoted and allow-listed.\n");
        for (Map.Entry<String, String> e : values(in).entrySet()) {
            sb.append(e.getKey()).append("='").append(e.getValue()).append("'\n");
        }
        return sb.toString();
    }

    static String callbackUrl(ClusterConfig c, String node, List<String> problems) {
        ClusterConfig.Management m = c.management();
        String address = m == null ? null : m.address();
        if (address == null || !ADDRESS.matcher(address).matches()) {
            problems.add("management.address: an IP address is needed for the call back");
            return "";
        }
        Integer port = m.callbackPort();
        if (port == null || port < 1 || port > 65535) {
            problems.add("management.callbackPort: a port 1-65535 is needed for the call back");
            return "";
        }
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port + CallbackServer.PATH_PREFIX + node;
    }

    static String prefix(String cidr) {
        if (cidr == null) {
            return null;
        }
        int slash = cidr.indexOf('/');
        return slash < 0 ? null : cidr.substring(slash + 1).strip();
    }

    private static int indexOf(List<Node> nodes, String name) throws SeedException {
        for (int i = 0; i < nodes.size(); i++) {
            if (name.equals(nodes.get(i).name())) {
                return i;
            }
        }
        throw new SeedException("nodes: no node named " + name + " in the config");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, String> env, List<String> problems, String key, String value,
                            Pattern allowed, String path, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(path + ": required for the seed (" + key + ")");
            }
            env.put(key, "");
            return;
        }
        if (check(value, allowed, path, problems)) {
            env.put(key, value);
        } else {
            env.put(key, "");
        }
    }

    private static boolean check(String value, Pattern allowed, String path, List<String> problems) {
        if (allowed.matcher(value).matches()) {
            return true;
        }
        problems.add(path + ": not allowed in a seed (" + describe(allowed) + " expected)");
        return false;
    }

    private static String describe(Pattern p) {
        if (p == MAC) {
            return "a MAC address like 52:54:00:12:34:56";
        }
        if (p == ADDRESS) {
            return "an IP address";
        }
        if (p == PREFIX) {
            return "a subnet with a prefix length, like 10.0.0.0/24";
        }
        if (p == USER) {
            return "a plain user name";
        }
        return "a plain host or domain name";
    }
}
