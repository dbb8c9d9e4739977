package org.hainstall.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * No two services on one port: SSH, the call-back server, Heartbeat's UDP port, every DRBD resource and every DB2
 * instance. Treated as one space even across TCP/UDP and machines: a port that means two things is a trap for
 * whoever writes the firewall rules.
 */
final class PortRules implements Rule {
    private record Use(String path, Integer port, String what) {}

    @Override
    public void check(ClusterConfig c, ProblemList p) {
        List<Use> uses = new ArrayList<>();
        if (c.access() != null) {
            uses.add(new Use("access.port", c.access().port(), "SSH"));
        }
        if (c.management() != null) {
            uses.add(new Use("management.callbackPort", c.management().callbackPort(), "the call-back server"));
        }
        if (c.heartbeat() != null) {
            uses.add(new Use("heartbeat.udpPort", c.heartbeat().udpPort(), "Heartbeat"));
        }
        if (c.replication() != null) {
            List<ClusterConfig.DrbdResource> rs = Rule.each(c.replication().resources());
            for (int i = 0; i < rs.size(); i++) {
                if (rs.get(i) != null) {
                    uses.add(new Use(Rule.at("replication.resources", i) + ".port", rs.get(i).port(), "DRBD"));
                }
            }
        }
        if (c.db2() != null) {
            List<ClusterConfig.Db2Instance> is = Rule.each(c.db2().instances());
            for (int i = 0; i < is.size(); i++) {
                if (is.get(i) != null) {
                    uses.add(new Use(Rule.at("db2.instances", i) + ".port", is.get(i).port(), "DB2"));
                }
            }
        }
        Map<Integer, Use> seen = new HashMap<>();
        for (Use use : uses) {
            if (use.port() == null || use.port() < Checks.MIN_PORT || use.port() > Checks.MAX_PORT) {
                continue; // reported where the port is checked
            }
            Use earlier = seen.putIfAbsent(use.port(), use);
            if (earlier != null) {
                p.error(use.path(), ProblemCode.PORT_COLLISION, "port " + use.port() + " is already used by " + earlier.what()
                        + " (" + earlier.path() + ").");
            }
        }
    }
}
