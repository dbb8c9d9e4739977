package org.hainstall.core.heartbeat;

import java.util.HashSet;
import org.hainstall.core.db2.Db2Probe;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.storage.StorageProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.config.Durations;
import org.hainstall.core.db2.Db2Commands;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.drbd.Roles;
import org.hainstall.core.node.ClusterStep;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeActions;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;
import org.hainstall.core.storage.Mounts;

/**
 * Hands the service to Heartbeat, once.
 *
 * <p>The order: DRBD, filesystems and DB2 are set up on the first primary with the filesystems mounted by hand
 * (no Heartbeat yet, so nothing moves under the DB2 steps). Then this step, on the node that holds the resources,
 * stops DB2, unmounts the DRBD filesystems and demotes DRBD, starts Heartbeat there and then on the peer; the
 * haresources owner (that same node on a first run) takes everything back under Heartbeat's control. A re-run
 * that finds Heartbeat active on both nodes leaves it alone, so the service never moves.
 */
public final class HeartbeatStartStep extends ClusterStep<HeartbeatStartStep.Facts> {

    public record NodeFacts(boolean active, boolean enabled, ProcDrbd drbd, Mounts mounts, Set<String> runningOwners) {
        public NodeFacts {
            runningOwners = Set.copyOf(runningOwners);
        }
    }

    public record Facts(Map<String, NodeFacts> nodes) {
        public Facts {
            nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        }
    }

    private final ClusterConfig config;

    public HeartbeatStartStep(ClusterConfig config, NodeSnapshots snapshots) {
        super(StepNames.HEARTBEAT_START, "Start Heartbeat", Set.of(StepNames.HEARTBEAT_CONFIG, StepNames.DATABASES,
                StepNames.BACKUP, StepNames.DB2_INSTANCE), config, snapshots);
        this.config = config;
    }

    @Override
    protected Facts read(StepContext ctx, boolean fresh) throws StepException {
        Map<String, NodeFacts> out = new LinkedHashMap<>();
        for (ClusterConfig.Node n : config.nodes()) {
            Look node = look(ctx, n.name(), fresh);
            Set<String> running = new HashSet<>();
            for (ClusterConfig.Db2Instance i : config.db2().instances()) {
                if (node.result(Db2Probe.running(i.owner())).ok()) {
                    running.add(i.owner());
                }
            }
            out.put(n.name(), new NodeFacts(OsProbe.isActive(node, HeartbeatProbe.ACTIVE),
                    OsProbe.isEnabled(node, HeartbeatProbe.ENABLED), DrbdProbe.procDrbd(node),
                    StorageProbe.mounts(node), running));
        }
        return new Facts(out);
    }

    @Override
    protected List<Fact> facts(String node) {
        List<Fact> out = new ArrayList<>(List.of(HeartbeatProbe.ACTIVE, HeartbeatProbe.ENABLED, DrbdProbe.PROC_DRBD,
                StorageProbe.FINDMNT));
        config.db2().instances().forEach(i -> out.add(Db2Probe.running(i.owner())));
        return out;
    }

    @Override
    protected String satisfiedSummary(Facts facts) {
        return "Heartbeat runs on both nodes";
    }

    @Override
    protected List<NodeActions> decide(Facts facts) throws StepException {
        return decide(config, facts);
    }

    public static List<NodeActions> decide(ClusterConfig config, Facts facts) throws StepException {
        boolean anyActive = facts.nodes().values().stream().anyMatch(NodeFacts::active);
        List<NodeActions> plan = new ArrayList<>();
        if (!anyActive) {
            String first = null;
            for (Map.Entry<String, NodeFacts> e : facts.nodes().entrySet()) {
                if (Roles.of(config, e.getValue().drbd()) == Roles.Role.ACTIVE) {
                    first = e.getKey();
                }
            }
            if (first == null) {
                first = Roles.validDataHolder(config).name();
            }
            NodeFacts f = facts.nodes().get(first);
            List<Action> handover = new ArrayList<>();
            for (ClusterConfig.Db2Instance i : config.db2().instances()) {
                if (f.runningOwners().contains(i.owner())) {
                    handover.add(new Action.Run(Db2Commands.stopForce(i.owner())));
                }
            }
            List<ClusterConfig.DrbdResource> rs = new ArrayList<>(config.replication().resources());
            java.util.Collections.reverse(rs);
            for (ClusterConfig.DrbdResource r : rs) {
                if (f.mounts().at(r.filesystem().mountPoint()).isPresent()) {
                    handover.add(new Action.Run(Command.of("umount", r.filesystem().mountPoint())));
                }
            }
            for (ClusterConfig.DrbdResource r : rs) {
                if (f.drbd() != null && f.drbd().minor(r.minor()).map(ProcDrbd.Minor::primary).orElse(false)) {
                    handover.add(new Action.Run(Command.of("drbdadm", "secondary", r.name())));
                }
            }
            String prepared = handover.isEmpty() ? "" : "stop DB2, unmount and demote DRBD, then ";
            handover.add(new Action.Run(Command.of("systemctl", "enable", "--now", "heartbeat")));
            plan.add(new NodeActions(first, prepared + "start Heartbeat (it takes the resources)", handover));
            for (String n : facts.nodes().keySet()) {
                if (!n.equals(first)) {
                    plan.add(new NodeActions(n, "start Heartbeat",
                            List.of(new Action.Run(Command.of("systemctl", "enable", "--now", "heartbeat")))));
                }
            }
            return plan;
        }
        for (Map.Entry<String, NodeFacts> e : facts.nodes().entrySet()) {
            NodeFacts f = e.getValue();
            if (!f.active()) {
                plan.add(new NodeActions(e.getKey(), "start Heartbeat (joins as standby)",
                        List.of(new Action.Run(Command.of("systemctl", "enable", "--now", "heartbeat")))));
            } else if (!f.enabled()) {
                plan.add(new NodeActions(e.getKey(), "enable Heartbeat at boot",
                        List.of(new Action.Run(Command.of("systemctl", "enable", "heartbeat")))));
            }
        }
        return plan;
    }

    /** True once one node holds every DRBD resource as Primary with its filesystem mounted. Pure. */
    public static boolean resourcesHeld(ClusterConfig config, Facts facts) {
        for (NodeFacts f : facts.nodes().values()) {
            if (f.active() && Roles.of(config, f.drbd()) == Roles.Role.ACTIVE && config.replication().resources()
                    .stream().allMatch(r -> f.mounts().at(r.filesystem().mountPoint()).isPresent())) {
                return true;
            }
        }
        return false;
    }

    /** Waits until Heartbeat runs on both nodes and one of them holds the resources (initdead + deadtime + 1 min). */
    @Override
    public void verify(StepContext ctx) throws StepException {
        Duration limit = Durations.parse(config.heartbeat().initdead()).orElse(Duration.ofMinutes(2))
                .plus(Durations.parse(config.heartbeat().deadtime()).orElse(Duration.ofSeconds(30)))
                .plusMinutes(1);
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            Facts facts = readChecked(ctx, true);
            boolean allActive = facts.nodes().values().stream().allMatch(NodeFacts::active);
            if (allActive && resourcesHeld(config, facts)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepException(id(), ProblemCode.HEARTBEAT_RESOURCES_NOT_HELD, "Heartbeat did not take"
                        + " the resources within " + limit.toSeconds() + " s", "check /var/log/syslog and cl_status"
                        + " rscstatus on both nodes, then run again");
            }
            ctx.checkCancelled();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StepException.interrupted(id(), "waiting for Heartbeat", e);
            }
        }
    }
}
