package org.hainstall.core.heartbeat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Heartbeat v1's {@code /etc/ha.d/haresources}: one line (with {@code \} continuations) naming the preferred node
 * and its resources in start order, e.g.
 * {@code node1 drbddisk::db2home Filesystem::/dev/drbd0::/db2home::ext4 IPaddr::192.168.122.50/24/eth0 db2::db2inst1}.
 */
public record HaResourcesFacts(String preferredNode, List<Resource> resources) {

    /** {@code agent::arg1::arg2…}; a bare word is an agent with no arguments. */
    public record Resource(String agent, List<String> args) { }

    public static Optional<HaResourcesFacts> parse(String text) {
        String joined = text.replace("\\\n", " ");
        for (String raw : joined.split("\n")) {
            String line = raw.replaceAll("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            List<Resource> resources = new ArrayList<>();
            for (int i = 1; i < words.length; i++) {
                String[] parts = words[i].split("::");
                resources.add(new Resource(parts[0], List.of(parts).subList(1, parts.length)));
            }
            return Optional.of(new HaResourcesFacts(words[0], List.copyOf(resources)));
        }
        return Optional.empty();
    }

    public List<Resource> byAgent(String agent) {
        return resources.stream().filter(r -> r.agent().equals(agent)).toList();
    }

    /** The service address from {@code IPaddr::A/P/IF} or {@code IPaddr2::A/P/IF}. */
    public Optional<String> serviceAddress() {
        return resources.stream()
                .filter(r -> r.agent().equals("IPaddr") || r.agent().equals("IPaddr2"))
                .filter(r -> !r.args().isEmpty())
                .map(r -> r.args().get(0).split("/")[0])
                .findFirst();
    }
}
