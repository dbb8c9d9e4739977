package org.hainstall.core.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Step;

/**
 * Steps 7–16 of DESIGN.md for both nodes, plus the cluster-wide ones, with their dependencies:
 *
 * <pre>
 * packages ─┬─ ntp
 *           ├─ storage-preflight ─ disks ─ lvm ─┬─ filesystems (local LVs)
 *           │                                    └─ drbd-config ─ drbd-metadata ─ drbd-up
 *           │      ─ [cluster] drbd-initial-primary ─ filesystems-on-drbd ─ heartbeat-config
 *           └─ db2-install ─ [cluster] db2-users ─ db2-instance ─ db2-move ─ databases ─ backup
 *      ─ [cluster] heartbeat-start ─ [cluster] wait-sync
 * </pre>
 *
 * A per-node step's {@code dependsOn} names steps on the same node, or cluster-wide steps; a cluster-wide step
 * depending on a per-node name waits for that step on every node. Heartbeat is started only after DB2 is set up on
 * the first primary (see {@link HeartbeatStartStep} for why and how), and every later run leaves it alone.
 */
public final class NodeStepCatalog {
    private final PackageManager packageManager;
    private final Duration peerConnectTimeout;
    private final Duration syncStallAfter;
    private final Duration syncPoll;

    public NodeStepCatalog(PackageManager packageManager, Duration peerConnectTimeout, Duration syncStallAfter,
                           Duration syncPoll) {
        this.packageManager = packageManager;
        this.peerConnectTimeout = peerConnectTimeout;
        this.syncStallAfter = syncStallAfter;
        this.syncPoll = syncPoll;
    }

    /**
     * Debian nodes, waiting for a DRBD peer as long as {@code replication.peerConnectTimeout} says (5 minutes by
     * default), reporting a sync without progress for 2 minutes.
     */
    public static List<Step> steps(ClusterConfig config) {
        Duration peerWait = config.replication() == null ? Duration.ofMinutes(5)
                : config.replication().peerConnectTimeoutOrDefault();
        return new NodeStepCatalog(new AptPackageManager(), peerWait, Duration.ofMinutes(2),
                Duration.ofSeconds(5)).build(config);
    }

    public List<Step> build(ClusterConfig config) {
        List<Step> steps = new ArrayList<>();
        for (ClusterConfig.Node n : config.nodes()) {
            String node = n.name();
            steps.add(new PackagesStep(config, node, packageManager));
            steps.add(new NtpStep(config, node));
            steps.add(new StoragePreflightStep(config, node));
            steps.add(new DiskStep(config, node));
            steps.add(new LvmStep(config, node));
            steps.add(new FilesystemStep(config, node));
            steps.add(new DrbdConfigStep(config, node));
            steps.add(new DrbdMetadataStep(config, node));
            steps.add(new DrbdUpStep(config, node));
        }
        steps.add(new DrbdInitialPrimaryStep(config, peerConnectTimeout, Duration.ofSeconds(2)));
        for (ClusterConfig.Node n : config.nodes()) {
            steps.add(new DrbdFilesystemStep(config, n.name()));
            steps.add(new HeartbeatConfigStep(config, n.name()));
            steps.add(new Db2InstallStep(config, n.name()));
        }
        steps.add(new Db2UsersStep(config));
        for (ClusterConfig.Node n : config.nodes()) {
            steps.add(new Db2InstanceStep(config, n.name()));
            steps.add(new Db2MoveStep(config, n.name()));
            steps.add(new DatabasesStep(config, n.name()));
            steps.add(new BackupStep(config, n.name()));
        }
        steps.add(new HeartbeatStartStep(config));
        steps.add(new WaitSyncStep(config, syncStallAfter, syncPoll));
        return List.copyOf(steps);
    }
}
