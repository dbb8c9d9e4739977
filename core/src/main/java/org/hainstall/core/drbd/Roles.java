package org.hainstall.core.drbd;

import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;

/**
 * Which role a node plays now. After the initial sync Heartbeat decides who is active; the active node is the one
 * whose DRBD resources are Primary, so steps "on the primary" follow it and never move the service.
 */
public final class Roles {
    public enum Role { ACTIVE, STANDBY, MIXED }

    /** What to do about a {@link Role#MIXED} node, which every step working on the active node refuses. */
    public static final String SPLIT_REMEDY = "Heartbeat moves the resources as one group: check it on both nodes"
            + " (cl_status rscstatus, /var/log/syslog) and get one node to hold them all, then run again";

    /** What to do when a step would act on a predicted role because no resource is up ({@link View#predicted}). */
    public static final String NOT_UP_REMEDY = "bring the DRBD resources up on this node (drbdadm up all, or run"
            + " again so the drbd-up step does it); the node's role decides what this step does";

    private Roles() {
    }

    /** ACTIVE when every configured resource is Primary here, STANDBY when none is, MIXED otherwise. */
    public static Role of(ClusterConfig config, ProcDrbd drbd) {
        int primary = 0;
        int total = config.replication().resources().size();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            if (drbd != null && drbd.minor(r.minor()).map(ProcDrbd.Minor::primary).orElse(false)) {
                primary++;
            }
        }
        if (primary == 0) {
            return Role.STANDBY;
        }
        return primary == total ? Role.ACTIVE : Role.MIXED;
    }

    /**
     * The role for planning. While no resource is up on the node (a fresh node in a dry run) the role is predicted:
     * the node holding valid data will be active. Steps never act on a predicted role (see
     * {@link FactStep#beforeApply}); the real run reaches them with DRBD up.
     */
    public record View(Role role, boolean predicted) { }

    public static View view(ClusterConfig config, String node, ProcDrbd drbd) {
        boolean anyUp = drbd != null && config.replication().resources().stream()
                .anyMatch(r -> drbd.minor(r.minor()).isPresent());
        if (!anyUp) {
            boolean valid = config.nodes().stream().anyMatch(n -> n.name().equals(node) && n.isValidDataHolder());
            return new View(valid ? Role.ACTIVE : Role.STANDBY, true);
        }
        return new View(of(config, drbd), false);
    }

    /** For messages: "db2home Primary, db2data Secondary". */
    public static String describe(ClusterConfig config, ProcDrbd drbd) {
        List<String> out = new ArrayList<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            out.add(r.name() + " " + (drbd == null ? "down"
                    : drbd.minor(r.minor()).map(ProcDrbd.Minor::role).orElse("down")));
        }
        return String.join(", ", out);
    }

    public static ClusterConfig.Node validDataHolder(ClusterConfig config) {
        return config.nodes().stream().filter(ClusterConfig.Node::isValidDataHolder).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node holds valid data (the validator rejects this)"));
    }

    public static ClusterConfig.Node peerOf(ClusterConfig config, String node) {
        return config.nodes().stream().filter(n -> !n.name().equals(node)).findFirst().orElseThrow();
    }
}
