package org.hainstall.core.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hainstall.core.config.Ipv4;
import org.hainstall.core.node.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code ip -json addr show}: which interface carries which address (Heartbeat's ucast lines need the name, status
 * the service address, reconstruct the node's own addresses and networks).
 */
public record Interfaces(JsonNode root) {

    /** An interface with its own IPv4 address (the first one that is not secondary). */
    public record Link(String name, String mac, String address, int prefix) {
        /** Its network in CIDR form: 192.168.122.0/24. */
        public String network() {
            return Ipv4.network(address, prefix) + "/" + prefix;
        }
    }

    public static Interfaces parse(String json) {
        return new Interfaces(Json.parse("ip", json));
    }

    /**
     * Every interface but the loopback with its own IPv4 address. A secondary address (the service address Heartbeat
     * adds) is not an interface's own.
     */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (JsonNode link : root) {
            String name = link.path("ifname").asString("");
            if (name.equals("lo")) {
                continue;
            }
            for (JsonNode a : link.path("addr_info")) {
                if (a.path("family").asString("").equals("inet") && !a.path("secondary").asBoolean(false)) {
                    out.add(new Link(name, link.path("address").asString(""), a.path("local").asString(""),
                            a.path("prefixlen").asInt()));
                    break;
                }
            }
        }
        return out;
    }

    /** The interface name holding the IPv4 address, if any. */
    public Optional<String> withAddress(String address) {
        for (JsonNode link : root) {
            for (JsonNode a : link.path("addr_info")) {
                if (address.equals(Json.text(a, "local"))) {
                    return Optional.ofNullable(Json.text(link, "ifname"));
                }
            }
        }
        return Optional.empty();
    }
}
