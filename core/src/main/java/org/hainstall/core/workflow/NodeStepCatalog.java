package org.hainstall.core.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.backup.BackupStep;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.db2.DatabasesStep;
import org.hainstall.core.db2.Db2InstallStep;
import org.hainstall.core.db2.Db2InstanceStep;
import org.hainstall.core.db2.Db2MoveStep;
import org.hainstall.core.db2.Db2UsersStep;
import org.hainstall.core.drbd.DrbdConfigStep;
import org.hainstall.core.drbd.DrbdFilesystemStep;
import org.hainstall.core.drbd.DrbdInitialPrimaryStep;
import org.hainstall.core.drbd.DrbdMetadataStep;
import org.hainstall.core.drbd.DrbdUpStep;
import org.hainstall.core.drbd.WaitSyncStep;
import org.hainstall.core.heartbeat.HeartbeatConfigStep;
import org.hainstall.core.heartbeat.HeartbeatStartStep;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.Probe;
import org.hainstall.core.node.ReadsFacts;
import org.hainstall.core.os.AptPackageManager;
import org.hainstall.core.os.NtpStep;
import org.hainstall.core.os.PackageManager;
import org.hainstall.core.os.PackagesStep;
import org.hainstall.core.plan.Step;
import org.hainstall.core.storage.DiskStep;
import org.hainstall.core.storage.FilesystemStep;
import org.hainstall.core.storage.LvmStep;
import org.hainstall.core.storage.StoragePreflightStep;

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

    /** The look a modify of this config takes at a node before deciding: every fact its steps read there. */
    public static Probe probe(ClusterConfig config, String node) {
        NodeSnapshots snapshots = new NodeSnapshots();
        ReadsFacts.expectAll(steps(config), snapshots);
        return Probe.of(snapshots.expected(node));
    }

    public List<Step> build(ClusterConfig config) {
        NodeSnapshots snapshots = new NodeSnapshots();
        List<Step> steps = new ArrayList<>();
        for (ClusterConfig.Node n : config.nodes()) {
            String node = n.name();
            steps.add(new PackagesStep(config, node, packageManager, snapshots));
            steps.add(new NtpStep(config, node, snapshots));
            steps.add(new StoragePreflightStep(config, node, snapshots));
            steps.add(new DiskStep(config, node, snapshots));
            steps.add(new LvmStep(config, node, snapshots));
            steps.add(new FilesystemStep(config, node, snapshots));
            steps.add(new DrbdConfigStep(config, node, snapshots));
            steps.add(new DrbdMetadataStep(config, node, snapshots));
            steps.add(new DrbdUpStep(config, node, snapshots));
        }
        steps.add(new DrbdInitialPrimaryStep(config, peerConnectTimeout, Duration.ofSeconds(2), snapshots));
        for (ClusterConfig.Node n : config.nodes()) {
            steps.add(new DrbdFilesystemStep(config, n.name(), snapshots));
            steps.add(new HeartbeatConfigStep(config, n.name(), snapshots));
            steps.add(new Db2InstallStep(config, n.name(), snapshots));
        }
        steps.add(new Db2UsersStep(config, snapshots));
        for (ClusterConfig.Node n : config.nodes()) {
            steps.add(new Db2InstanceStep(config, n.name(), snapshots));
            steps.add(new Db2MoveStep(config, n.name(), snapshots));
            steps.add(new DatabasesStep(config, n.name(), snapshots));
            steps.add(new BackupStep(config, n.name(), snapshots));
        }
        steps.add(new HeartbeatStartStep(config, snapshots));
        steps.add(new WaitSyncStep(config, syncStallAfter, syncPoll, snapshots));
        ReadsFacts.expectAll(steps, snapshots);
        return List.copyOf(steps);
    }
}
