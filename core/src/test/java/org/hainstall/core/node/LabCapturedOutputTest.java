package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ConfigLoader;
import org.hainstall.core.db2.Db2OutputParser;
import org.hainstall.core.drbd.GenerationIds;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.drbd.Roles;
import org.hainstall.core.os.Accounts;
import org.hainstall.core.os.ChronySources;
import org.hainstall.core.os.Interfaces;
import org.hainstall.core.os.NtpStep;
import org.hainstall.core.os.PackageStatus;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.Step;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.storage.BlockDevices;
import org.hainstall.core.storage.DiskStep;
import org.hainstall.core.storage.LvmReport;
import org.hainstall.core.storage.LvmStep;
import org.hainstall.core.storage.Mounts;
import org.hainstall.core.storage.PartitionTable;
import org.hainstall.core.storage.Signatures;
import org.hainstall.core.workflow.NodeStepCatalog;
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
            assertThat(Db2OutputParser.instanceList(out(node, "db2ilist.txt"))).containsExactly("db2inst1");
            assertThat(Db2OutputParser.registryInstances(out(node, "db2greg-dump.txt")))
                    .containsEntry("db2inst1", "/db2home/db2inst1/sqllib");
        }
        assertThat(Db2OutputParser.databaseNames(out("active", "db2-list-db-directory.txt")))
                .containsExactly("SALES");
    }

    /** A node that answers each probe's facts as its captured look (lab/ROLE/probe.txt) shows them. */
    private static ScriptedShell capturedNode(String node, String role, List<Fact> facts) {
        String captured = out(role, "probe.txt");
        Map<String, CommandResult> looked = Probe.parse(captured, Probe.boundaryOf(captured));
        ScriptedShell shell = new ScriptedShell(node);
        for (Fact f : facts) {
            CommandResult r = looked.get(f.name());
            assertThat(r).as(f.name() + " in lab/" + role + "/probe.txt (refresh it from the lab)").isNotNull();
            shell.answer(f, r.exitCode(), r.stdout());
        }
        return shell;
    }

    @Test
    void aNoChangeModifyOfTheBuiltClusterDecidesEveryStepFromOneLookAtEachNode() throws Exception {
        List<Step> steps = NodeStepCatalog.steps(lab);
        NodeSnapshots expected = new NodeSnapshots();
        ReadsFacts.expectAll(steps, expected);
        ScriptedShell db1 = capturedNode("lab-db1", "active", expected.expected("lab-db1"));
        ScriptedShell db2 = capturedNode("lab-db2", "standby", expected.expected("lab-db2"));
        Map<String, org.hainstall.core.remote.Shell> shells = Map.of("lab-db1", db1, "lab-db2", db2);

        List<String> changes = new java.util.ArrayList<>();
        for (Step step : steps) {
            Check check = step.check(new TestContext(step.id(), lab, shells));
            if (check instanceof Check.Change c) {
                changes.add(step.id().toString());
                // The lab's own DRBD secrets and auth key are not known here, so only files holding them may differ.
                assertThat(c.actions()).as(step.id() + ": " + c.description())
                        .filteredOn(a -> a instanceof Action.WriteFile).isNotEmpty()
                        .allMatch(a -> ((Action.WriteFile) a).secret());
            }
        }
        assertThat(changes).containsExactlyInAnyOrder("lab-db1/drbd-config", "lab-db2/drbd-config",
                "lab-db1/heartbeat-config", "lab-db2/heartbeat-config");
        assertThat(db1.looks).as("remote commands to lab-db1").isEqualTo(1);
        assertThat(db2.looks).as("remote commands to lab-db2").isEqualTo(1);
    }
}
