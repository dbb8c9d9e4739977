package org.hainstall.core.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.reconstruct.Db2OutputParser;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;
import org.hainstall.core.remote.ShellFactory;

/** Reads the live state of both nodes (read-only commands) and judges the cluster. */
public final class StatusReader {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
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

    NodeStatus readNode(ClusterConfig config, ClusterConfig.Node node) {
        try (Shell shell = shells.open(config, node)) {
            boolean heartbeat = shell.run(Command.of("systemctl", "is-active", "--quiet", "heartbeat"), TIMEOUT).ok();
            List<ProcDrbd.Device> drbd = ok(shell, Command.of("cat", "/proc/drbd")).map(ProcDrbd::parse)
                    .orElse(List.of());
            List<String> mounted = new ArrayList<>();
            String mounts = ok(shell, Command.of("cat", "/proc/mounts")).orElse("");
            for (ClusterConfig.DrbdResource r : config.replication().resources()) {
                if (r.filesystem() != null && mounts.lines()
                        .anyMatch(l -> l.split("\\s+").length > 1 && l.split("\\s+")[1].equals(r.filesystem().mountPoint()))) {
                    mounted.add(r.filesystem().mountPoint());
                }
            }
            String service = config.network().serviceAddress();
            boolean hasService = ok(shell, Command.of("ip", "-o", "-4", "addr", "show")).orElse("")
                    .contains(" " + service + "/");
            List<String> running = new ArrayList<>();
            List<String> databases = new ArrayList<>();
            for (ClusterConfig.Db2Instance inst : config.db2().instances()) {
                if (shell.run(Command.of("pgrep", "-u", inst.owner(), "db2sysc"), TIMEOUT).ok()) {
                    running.add(inst.name());
                    ok(shell, Command.of("su", "-", inst.owner(), "-c",
                            ". ~/sqllib/db2profile && db2 list database directory"))
                            .map(Db2OutputParser::databaseDirectory)
                            .ifPresent(entries -> entries.forEach(e -> databases.add(e.name())));
                }
            }
            return new NodeStatus(node.name(), true, null, heartbeat, drbd, mounted, hasService, running, databases);
        } catch (RemoteException e) {
            return NodeStatus.unreachable(node.name(), e.getMessage());
        }
    }

    private static Optional<String> ok(Shell shell, Command command) throws RemoteException {
        CommandResult r = shell.run(command, TIMEOUT);
        return r.ok() ? Optional.of(r.stdout()) : Optional.empty();
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
            for (ProcDrbd.Device d : n.drbd()) {
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
