package org.hainstall.ui;

import java.nio.file.Path;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ClusterConfig.*;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.InitialSync;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.config.ProvisioningKind;

/** examples/cluster.yaml as records, written out by hand so the tests do not trust the loader they check. */
final class ExampleConfig {
    static final Path FILE = Path.of("..", "examples", "cluster.yaml");

    private ExampleConfig() {
    }

    static ClusterConfig expected() {
        return new ClusterConfig(
                new ClusterInfo("sales-db", "Sales DB2 HA pair"),
                new Management("192.168.122.1", 8740),
                new Access("root", 22),
                new Provisioning(ProvisioningKind.LIBVIRT, new Libvirt("qemu:///system", "db2-node-stub", "default", "default", "ha-repl")),
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
                new Replication(DrbdProtocol.C, InitialSync.FULL, List.of(
                        new DrbdResource("db2home", 0, 7789, "vg_db2/lv_db2home", new Filesystem(FilesystemType.EXT4, "/db2home")),
                        new DrbdResource("db2data", 1, 7790, "vg_db2/lv_db2data", new Filesystem(FilesystemType.EXT4, "/db2data")))),
                new Heartbeat(6940, "2s", "10s", "30s", "120s", false),
                new Db2("/opt/ibm/db2/V11.5", "/srv/media/db2/v11.5.9_linuxx64_server_dec.tar.gz", List.of(
                        new Db2Instance("db2inst1", "db2inst1", "db2fenc1", 50000, "/db2home/db2inst1",
                                List.of(new Database("SALES", "/db2data", "UTF-8", "US"))))),
                new Backup("/backup", "0 2 * * *", 14, List.of("SALES")));
    }
}
