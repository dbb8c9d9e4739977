package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.node.facts.Accounts;
import org.hainstall.core.node.facts.BlockDevices;
import org.hainstall.core.node.facts.ChronySources;
import org.hainstall.core.node.facts.GenerationIds;
import org.hainstall.core.node.facts.Interfaces;
import org.hainstall.core.node.facts.LvmReport;
import org.hainstall.core.node.facts.Mounts;
import org.hainstall.core.node.facts.PackageStatus;
import org.hainstall.core.node.facts.PartitionTable;
import org.hainstall.core.node.facts.ProcDrbd;
import org.hainstall.core.node.facts.Signatures;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The steps' parsers and decisions on output captured from the lab's Debian 12 VMs by {@code lab/e2e.sh} (phase
 * capture-fixtures and the standby's disk faults): {@code lab/active} is the node holding the service of a cluster
 * {@code create} built from {@code lab/cluster.yaml}, {@code lab/standby} its peer, {@code lab/blank} the standby's
 * data disk zeroed, {@code lab/foreign-ext4} the same disk after {@code mkfs.ext4}. Each file holds a command's
 * stdout exactly as the step runs it; {@code NAME.rc} its exit status.
 */
class LabCapturedOutputTest {
    private static ClusterConfig lab;

    @BeforeAll
    static void loadTheLabConfig() throws Exception {
        lab = new ConfigLoader().load(Path.of("..", "lab", "cluster.yaml"));
    }

    private static String out(String node, String name) {
        return Fixtures.read("lab/" + node + "/" + name);
    }

    private static int rc(String node, String name) {
        return Integer.parseInt(out(node, name + ".rc").strip());
    }

    private static Signatures signatures(String node, String device) {
        return Signatures.parse(rc(node, "blkid-" + device + ".txt"), out(node, "blkid-" + device + ".txt"),
                out(node, "wipefs-" + device + ".json"));
    }

    private static DiskStep.Facts disk(String node) {
        BlockDevices.BlockDevice dev = BlockDevices.parse(out(node, "lsblk-disk.json")).find("/dev/vdb").orElseThrow();
        PartitionTable table = rc(node, "sfdisk-disk.json") == 0 ? PartitionTable.parse(out(node, "sfdisk-disk.json"))
                : null;
        return new DiskStep.Facts(List.of(new DiskStep.DiskFacts("/dev/vdb", dev, signatures(node, "vdb"), table)));
    }

    @Test
    void bothNodesOfTheBuiltClusterArePartitionedAsConfigured() throws StepException {
        assertThat(DiskStep.decide(lab, "lab-db1", disk("active"))).isInstanceOf(Check.Satisfied.class);
        assertThat(DiskStep.decide(lab, "lab-db2", disk("standby"))).isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void aZeroedDataDiskIsPartitionedAndOneHoldingExt4IsRefusedNamingIt() throws StepException {
        assertThat(signatures("blank", "vdb").isBlank()).isTrue();
        assertThat(DiskStep.decide(lab, "lab-db2", disk("blank"))).isInstanceOf(Check.Change.class);

        assertThat(signatures("foreign-ext4", "vdb").types()).contains("ext4");
        assertThatThrownBy(() -> DiskStep.decide(lab, "lab-db2", disk("foreign-ext4")))
                .isInstanceOf(StepException.class).hasMessageContaining("lab-db2").hasMessageContaining("/dev/vdb")
                .hasMessageContaining("ext4");
    }

    @Test
    void theVolumeGroupAndItsVolumesAreAsConfiguredOnBothNodes() throws StepException {
        for (String node : List.of("active", "standby")) {
            LvmReport lvm = LvmReport.parse(out(node, "lvm-pvs.json"), out(node, "lvm-vgs.json"),
                    out(node, "lvm-lvs.json"));
            Check check = LvmStep.decide(lab, node.equals("active") ? "lab-db1" : "lab-db2",
                    new LvmStep.Facts(lvm, Map.of("/dev/vdb1", signatures(node, "vdb1"))));
            assertThat(check).as(node).isInstanceOf(Check.Satisfied.class);
        }
    }

    @Test
    void drbdShowsTheActiveAsPrimaryTheStandbyAsSecondaryBothInSync() {
        ProcDrbd active = ProcDrbd.parse(out("active", "proc-drbd.txt"));
        ProcDrbd standby = ProcDrbd.parse(out("standby", "proc-drbd.txt"));

        assertThat(Roles.of(lab, active)).isEqualTo(Roles.Role.ACTIVE);
        assertThat(Roles.of(lab, standby)).isEqualTo(Roles.Role.STANDBY);
        for (ProcDrbd d : List.of(active, standby)) {
            assertThat(d.minors()).containsOnlyKeys(0, 1);
            assertThat(d.minors().values()).allMatch(m -> m.connected() && m.upToDateBoth());
        }
    }

    @Test
    void theBackingVolumeCarriesDrbdMetadataWithAHistorySoItIsNeverRecreatedOrForcedAgain() {
        for (String node : List.of("active", "standby")) {
            Signatures sigs = signatures(node, "lv_db2home");
            assertThat(sigs.types()).as(node).containsExactly("drbd");
            assertThat(sigs.typesOtherThan("drbd")).isEmpty();
            GenerationIds gi = GenerationIds.parse(out(node, "get-gi-db2home.txt"));
            assertThat(gi.fresh()).as(node).isFalse();
        }
        // The filesystem lives on the DRBD device, not beside the metadata on the backing volume.
        assertThat(signatures("active", "drbd0").types()).containsExactly("ext4");
    }

    @Test
    void timePackagesAndAccountsAreWhatTheStepsAskFor() {
        for (String node : List.of("active", "standby")) {
            ChronySources sources = ChronySources.parse(out(node, "chronyc-sources.csv"));
            assertThat(sources.synced()).as(node).isTrue();
            assertThat(sources.unreachable(List.of("192.168.122.1"))).isEmpty();
            assertThat(NtpStep.zoneOfLink(out(node, "localtime-link.txt"))).isEqualTo(lab.time().timezone());
            assertThat(PackageStatus.parseDpkg(out(node, "dpkg-query.txt")).installed())
                    .contains("chrony", "parted", "fdisk", "lvm2", "drbd-utils", "heartbeat", "ksh");
        }
        Accounts a = Accounts.parse(out("active", "getent-passwd.txt"), out("active", "getent-group.txt"));
        Accounts s = Accounts.parse(out("standby", "getent-passwd.txt"), out("standby", "getent-group.txt"));
        for (String user : List.of("db2inst1", "db2fenc1")) {
            assertThat(a.user(user)).isPresent();
            assertThat(a.user(user)).isEqualTo(s.user(user)); // same UID, GID and home on both nodes
        }
        assertThat(a.user("db2inst1").orElseThrow().home()).isEqualTo("/db2home/db2inst1");
    }

    @Test
    void onlyTheActiveNodeHoldsTheMountsAndTheServiceAddress() {
        Mounts active = Mounts.parse(out("active", "findmnt.json"));
        Mounts standby = Mounts.parse(out("standby", "findmnt.json"));

        assertThat(active.at("/db2home")).hasValueSatisfying(m -> assertThat(m.source()).isEqualTo("/dev/drbd0"));
        assertThat(active.at("/db2data")).hasValueSatisfying(m -> assertThat(m.source()).isEqualTo("/dev/drbd1"));
        assertThat(standby.at("/db2home")).isEmpty();
        assertThat(standby.at("/backup")).isPresent(); // local, on both
        assertThat(Interfaces.parse(out("active", "ip-addr.json")).withAddress("192.168.122.50")).isPresent();
        assertThat(Interfaces.parse(out("standby", "ip-addr.json")).withAddress("192.168.122.50")).isEmpty();
    }

    @Test
    void theDb2StandInAnswersAsTheStepsReadDb2() {
        for (String node : List.of("active", "standby")) {
            assertThat(Db2Commands.parseInstanceList(out(node, "db2ilist.txt"))).containsExactly("db2inst1");
            assertThat(Db2Commands.parseRegistryInstances(out(node, "db2greg-dump.txt")))
                    .containsEntry("db2inst1", "/db2home/db2inst1/sqllib");
        }
        assertThat(Db2Commands.parseDatabaseDirectory(out("active", "db2-list-db-directory.txt")))
                .containsExactly("SALES");
    }
}
