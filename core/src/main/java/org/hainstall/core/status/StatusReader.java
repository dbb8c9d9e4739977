package org.hainstall.core.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.db2.Db2OutputParser;
import org.hainstall.core.db2.Db2Probe;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FileState;
import org.hainstall.core.node.Probe;
import org.hainstall.core.os.Interfaces;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;
import org.hainstall.core.storage.Mounts;
import org.hainstall.core.storage.StorageProbe;

/** Reads the live state of both nodes (one look each, read-only) and judges the cluster. */
public final class StatusReader {
    private final ShellFactory shells;

    public StatusReader(ShellFactory shells) {
        this.shells = shells;
    }

    public ClusterStatus read(ClusterConfig config) {
        List<NodeStatus> nodes = new ArrayList<>();
        for (ClusterConfig.Node node : config.nodes()) {
            nodes.add(readNode(config, node));
        }
        return judge(config, nodes);
    }

    /** The facts status reads on a node: one look, one remote command. */
    static List<Fact> facts(ClusterConfig config) {
        List<Fact> facts = new ArrayList<>(List.of(OsProbe.HEARTBEAT_ACTIVE, DrbdProbe.PROC_DRBD,
                StorageProbe.FINDMNT, OsProbe.IP_ADDR));
        for (ClusterConfig.Db2Instance inst : config.db2().instances()) {
            facts.add(Db2Probe.running(inst.owner()));
            facts.add(Db2Probe.databases(inst.owner()));
        }
        return facts;
    }

    NodeStatus readNode(ClusterConfig config, ClusterConfig.Node node) {
        try (Shell shell = shells.open(config, node)) {
            return status(config, node.name(), Probe.of(facts(config)).run(shell));
        } catch (RemoteException e) {
            return NodeStatus.unreachable(node.name(), e.getMessage());
        }
    }

    /** Pure: a node's status from its facts, read by the parsers the steps use. */
    static NodeStatus status(ClusterConfig config, String node, Map<String, CommandResult> facts) {
        boolean heartbeat = facts.get(OsProbe.HEARTBEAT_ACTIVE.name()).ok();
        String proc = FileState.of(DrbdProbe.PROC_DRBD, facts.get(DrbdProbe.PROC_DRBD.name())).content();
        List<DrbdDevice> drbd = proc == null ? List.of() : devices(proc);
        CommandResult findmnt = facts.get(StorageProbe.FINDMNT.name());
        Mounts mounts = findmnt.ok() ? Mounts.parse(findmnt.stdout()) : new Mounts(List.of());
        List<String> mounted = new ArrayList<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            if (r.filesystem() != null && mounts.at(r.filesystem().mountPoint()).isPresent()) {
                mounted.add(r.filesystem().mountPoint());
            }
        }
        CommandResult ip = facts.get(OsProbe.IP_ADDR.name());
        boolean hasService = ip.ok() && Interfaces.parse(ip.stdout())
                .withAddress(config.network().serviceAddress()).isPresent();
        List<String> running = new ArrayList<>();
        List<String> databases = new ArrayList<>();
        for (ClusterConfig.Db2Instance inst : config.db2().instances()) {
            if (facts.get(Db2Probe.running(inst.owner()).name()).ok()) {
                running.add(inst.name());
                CommandResult dir = facts.get(Db2Probe.databases(inst.owner()).name());
                if (dir.ok()) {
                    Db2OutputParser.databaseDirectory(dir.stdout()).forEach(e -> databases.add(e.name()));
                }
            }
        }
        return new NodeStatus(node, true, null, heartbeat, drbd, mounted, hasService, running, databases);
    }

    /** The configured minors of a /proc/drbd, by minor. */
    static List<DrbdDevice> devices(String procDrbd) {
        return ProcDrbd.parse(procDrbd).minors().values().stream().filter(ProcDrbd.Minor::configured)
                .sorted(java.util.Comparator.comparingInt(ProcDrbd.Minor::minor)).map(DrbdDevice::of).toList();
    }

    /** Pure: which node is active and every reason the cluster is degraded. */
    public static ClusterStatus judge(ClusterConfig config, List<NodeStatus> nodes) {
        List<String> degraded = new ArrayList<>();
        Optional<String> active = Optional.empty();
        for (NodeStatus n : nodes) {
            if (!n.reachable()) {
                // The node's own entry holds the full sentence; the summary only points at it.
                degraded.add(n.name() + ": could not be read (see its line)");
                continue;
            }
            if (!n.heartbeatRunning()) {
                degraded.add(n.name() + ": Heartbeat is not running");
            }
            for (DrbdDevice d : n.drbd()) {
                if (!d.healthy()) {
                    degraded.add(n.name() + ": DRBD minor " + d.minor() + " is " + d.connection() + " "
                            + d.localDisk() + "/" + d.peerDisk()
                            + (d.syncPercent() == null ? "" : " (synced " + d.syncPercent() + "%)"));
                }
            }
            if (n.drbd().size() < config.replication().resources().size()) {
                degraded.add(n.name() + ": " + (config.replication().resources().size() - n.drbd().size())
                        + " DRBD resource(s) not configured or down");
            }
            if (n.primaryEverywhere()) {
                active = Optional.of(n.name());
            }
        }
        long unread = nodes.stream().filter(n -> !n.reachable()).count();
        if (active.isEmpty() && unread == nodes.size()) {
            degraded.add("no node could be read: whether the service runs is unknown");
        } else if (active.isEmpty() && unread > 0) {
            degraded.add("no node that could be read holds DRBD Primary: the service runs nowhere, or on a node "
                    + "that could not be read");
        } else if (active.isEmpty()) {
            degraded.add("no node holds DRBD Primary: the service is not running anywhere");
        } else {
            String a = active.get();
            NodeStatus n = nodes.stream().filter(x -> x.name().equals(a)).findFirst().orElseThrow();
            long expectedMounts = config.replication().resources().stream().filter(r -> r.filesystem() != null).count();
            if (n.mounted().size() < expectedMounts) {
                degraded.add(a + ": active but " + (expectedMounts - n.mounted().size()) + " filesystem(s) not mounted");
            }
            if (!n.holdsServiceAddress()) {
                degraded.add(a + ": active but without the service address " + config.network().serviceAddress());
            }
            for (ClusterConfig.Db2Instance inst : config.db2().instances()) {
                if (!n.runningInstances().contains(inst.name())) {
                    degraded.add(a + ": active but DB2 instance " + inst.name() + " is not running");
                }
            }
        }
        return new ClusterStatus(nodes, active, degraded);
    }
}
