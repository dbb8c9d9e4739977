package org.hainstall.core.node.facts;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** {@code ip -json addr show}: which interface carries which address (Heartbeat's ucast lines need the name). */
public record Interfaces(JsonNode root) {

    public static Interfaces parse(String json) {
        return new Interfaces(Json.parse("ip", json));
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
