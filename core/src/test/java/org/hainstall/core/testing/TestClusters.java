package org.hainstall.core.testing;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.*;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.InitialSync;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.config.ProvisioningKind;

/**
 * The configs core's tests build in code, in one place (core's test-jar carries them to app's tests too): the
 * example cluster of examples/cluster.yaml and smaller ones that hold only what a package's tests depend on.
 */
public final class TestClusters {
    private TestClusters() {
    }

    // The example cluster (examples/cluster.yaml), built in code so step tests do not depend on the loader.

    public static ClusterConfig example() {
        return withReplication(new Replication(DrbdProtocol.C, InitialSync.FULL, resources()));
    }

    public static List<DrbdResource> resources() {
        return List.of(
                new DrbdResource("db2home", 0, 7789, "vg_db2/lv_db2home", new Filesystem(FilesystemType.EXT4, "/db2home")),
                new DrbdResource("db2data", 1, 7790, "vg_db2/lv_db2data", new Filesystem(FilesystemType.EXT4, "/db2data")));
    }

    public static ClusterConfig withReplication(Replication replication) {
        return new ClusterConfig(
                new ClusterInfo("sales-db", "Sales DB2 HA pair"),
                new Management("192.168.122.1", 8740),
                new Access("root", 22),
                new Provisioning(ProvisioningKind.LIBVIRT, new Libvirt("qemu:///system", "db2-node-stub", "default", "default",
                        "ha-repl")),
                new Network("example.org", "192.168.122.0/24", "192.168.122.1", List.of("192.168.122.1"),
                        "192.168.122.50", "10.10.0.0/24"),
                new TimeSettings(List.of("0.debian.pool.ntp.org", "1.debian.pool.ntp.org"), "UTC"),
                null,
                List.of(new Node("sales-db1", "192.168.122.11", "10.10.0.11", true, null, null),
                        new Node("sales-db2", "192.168.122.12", "10.10.0.12", null, null, null)),
                new Storage(List.of(new Disk("/dev/vdb", List.of(new Partition(1, "rest", PartitionType.LVM)))),
                        List.of(new VolumeGroup("vg_db2", List.of("/dev/vdb1"), List.of(
                                new LogicalVolume("lv_db2home", "1G", null),
                                new LogicalVolume("lv_db2data", "4G", null),
                                new LogicalVolume("lv_backup", "2G", new Filesystem(FilesystemType.EXT4, "/backup")))))),
                replication,
                new Heartbeat(6940, "2s", "10s", "30s", "120s", false),
                new Db2("/opt/ibm/db2/V11.5", "/srv/media/db2/v11.5.9_linuxx64_server_dec.tar.gz",
                        List.of(new Db2Instance("db2inst1", "db2inst1", "db2fenc1", 50000, "/db2home/db2inst1",
                                List.of(new Database("SALES", "/db2data", "UTF-8", "US"))))),
                new Backup("/backup", "0 2 * * *", 14, List.of("SALES")));
    }

    public static ClusterConfig withStorage(ClusterConfig c, Storage storage) {
        return new ClusterConfig(c.cluster(), c.management(), c.access(), c.provisioning(), c.network(), c.time(),
                c.packages(), c.nodes(), storage, c.replication(), c.heartbeat(), c.db2(), c.backup());
    }

    // Two nodes on the libvirt default network, for seed and provisioning tests.

    public static ClusterConfig twoNodes(String localRepository, Provisioning provisioning) {
        return new ClusterConfig(
                new ClusterInfo("sales-db", "test"),
                new Management("127.0.0.1", 8740),
                new Access("root", 22),
                provisioning,
                new Network("example.org", "192.168.122.0/24", "192.168.122.1",
                        List.of("192.168.122.1", "192.168.122.2"), "192.168.122.50", "10.10.0.0/24"),
                null,
                localRepository == null ? null : new Packages(localRepository),
                List.of(new Node("sales-db1", "192.168.122.11", "10.10.0.11", true, null, null),
                        new Node("sales-db2", "192.168.122.12", "10.10.0.12", false, null, null)),
                null, null, null, null, null);
    }

    public static ClusterConfig twoNodes() {
        return twoNodes(null, null);
    }

    public static ClusterConfig withManagement(ClusterConfig c, String address, int port) {
        return new ClusterConfig(c.cluster(), new Management(address, port), c.access(),
                c.provisioning(), c.network(), c.time(), c.packages(), c.nodes(), c.storage(), c.replication(),
                c.heartbeat(), c.db2(), c.backup());
    }

    public static ClusterConfig withNodes(ClusterConfig c, List<Node> nodes) {
        return new ClusterConfig(c.cluster(), c.management(), c.access(), c.provisioning(), c.network(), c.time(),
                c.packages(), nodes, c.storage(), c.replication(), c.heartbeat(), c.db2(), c.backup());
    }

    /** Only what the secrets depend on: two nodes and two DRBD resources. */
    public static ClusterConfig twoResources() {
        return new ClusterConfig(new ClusterInfo("sales-db", null), null, null, null, null, null, null,
                List.of(new Node("sales-db1", "192.0.2.11", null, true, null, null),
                        new Node("sales-db2", "192.0.2.12", null, false, null, null)),
                null,
                new Replication(DrbdProtocol.C, InitialSync.FULL, List.of(
                        new DrbdResource("r0", 0, 7788, "vg/r0", null),
                        new DrbdResource("r1", 1, 7789, "vg/r1", null))),
                null, null, null);
    }

    /** The least a run needs: a cluster name and two nodes, n1 (holding valid data) and n2. */
    public static ClusterConfig minimal(String name) {
        return new ClusterConfig(new ClusterInfo(name, null), null, null, null, null, null, null,
                List.of(new Node("n1", "192.168.122.11", "10.10.0.11", true, null, null),
                        new Node("n2", "192.168.122.12", "10.10.0.12", null, null, null)),
                null, null, null, null, null);
    }

    /** Two nodes on loopback, reached as the given user on the given port (an embedded SSH server's). */
    public static ClusterConfig onLoopback(int port, String user) {
        return new ClusterConfig(new ClusterInfo("test", null), null, new Access(user, port), null, null, null, null,
                List.of(new Node("node1", "127.0.0.1", null, true, null, null),
                        new Node("node2", "127.0.0.1", null, false, null, null)),
                null, null, null, null, null);
    }
}
