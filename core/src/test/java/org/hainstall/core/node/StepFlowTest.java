package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hainstall.core.testing.StepFailures.coded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.db2.Db2MoveStep;
import org.hainstall.core.db2.Db2Probe;
import org.hainstall.core.db2.Db2UsersStep;
import org.hainstall.core.drbd.DrbdConfigStep;
import org.hainstall.core.drbd.DrbdFiles;
import org.hainstall.core.drbd.DrbdInitialPrimaryStep;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.drbd.WaitSyncStep;
import org.hainstall.core.heartbeat.HeartbeatConfigStep;
import org.hainstall.core.heartbeat.HeartbeatProbe;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.hainstall.core.storage.DiskStep;
import org.hainstall.core.storage.LvmStep;
import org.hainstall.core.storage.StorageProbe;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;

/** The steps' read → decide → apply flow, on scripted shells answering the probe fact by fact. */
class StepFlowTest {
    private final ClusterConfig config = TestClusters.example();
    private static final String SFDISK_LINE =
            "sh -c 'sfdisk --wipe never -- \"$1\" < \"$2\"' sh /dev/vdb /run/hainstall/sfdisk-vdb.txt";

    private ScriptedShell blankDisk() {
        return new ScriptedShell("sales-db1")
                .answer(StorageProbe.lsblk("/dev/vdb"), 0, Fixtures.read("lsblk-vdb-blank.json"))
                .answer(StorageProbe.blkid("/dev/vdb"), 2, "")
                .answer(StorageProbe.wipefs("/dev/vdb"), 0, Fixtures.read("wipefs-blank.json"))
                .answer(StorageProbe.sfdisk("/dev/vdb"), 1, "")
                .answer(Command.of("mkdir", "-p", "-m", "0700", "/run/hainstall"), 0, "")
                .answer(Command.of("sh", "-c", "sfdisk --wipe never -- \"$1\" < \"$2\"", "sh", "/dev/vdb",
                        "/run/hainstall/sfdisk-vdb.txt"), 0, "")
                .answer(Command.of("udevadm", "settle"), 0, "");
    }

    private ScriptedShell withExt4(ScriptedShell shell) {
        return shell.answer(StorageProbe.blkid("/dev/vdb"), 0, Fixtures.read("blkid-ext4.txt"))
                .answer(StorageProbe.wipefs("/dev/vdb"), 0, Fixtures.read("wipefs-ext4.json"));
    }

    @Test
    void partitionsABlankDiskAfterReadingItAgain() throws Exception {
        ScriptedShell shell = blankDisk();
        DiskStep step = new DiskStep(config, "sales-db1", new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        step.apply(ctx, change);
        assertThat(shell.uploads).containsKey("/run/hainstall/sfdisk-vdb.txt");
        assertThat(shell.ran).filteredOn(l -> l.startsWith("sh -c 'sfdisk")).hasSize(1);
        // one look to check, one to re-read right before acting; then the partitioning
        assertThat(shell.looks).isEqualTo(2);
        assertThat(shell.ran.lastIndexOf(StorageProbe.blkid("/dev/vdb").command().line()))
                .isLessThan(shell.ran.indexOf(SFDISK_LINE));
    }

    @Test
    void refusesAndLeavesTheDiskWhenAFilesystemAppearedSinceTheCheck() throws Exception {
        ScriptedShell shell = blankDisk();
        DiskStep step = new DiskStep(config, "sales-db1", new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        withExt4(shell);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("ext4")
                .satisfies(coded(ProblemCode.DISK_FOREIGN));
        assertThat(shell.ran).noneMatch(l -> l.contains("sfdisk --wipe"));
        assertThat(shell.uploads).isEmpty();
    }

    @Test
    void aPlanThatNoLongerFitsTheNodeIsNotCarriedOut() throws Exception {
        ScriptedShell shell = new ScriptedShell("sales-db1")
                .answer(StorageProbe.PVS, 0, Fixtures.read("lvm-pvs-empty.json"))
                .answer(StorageProbe.VGS, 0, Fixtures.read("lvm-vgs-empty.json"))
                .answer(StorageProbe.LVS, 0, Fixtures.read("lvm-lvs-empty.json"))
                .answer(StorageProbe.block("/dev/vdb1"), 0, "")
                .answer(StorageProbe.blkid("/dev/vdb1"), 2, "")
                .answer(StorageProbe.wipefs("/dev/vdb1"), 0, Fixtures.read("wipefs-blank.json"));
        LvmStep step = new LvmStep(config, "sales-db1", new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        // Someone else made the partition a physical volume meanwhile: the plan would now start at vgcreate.
        shell.answer(StorageProbe.PVS, 0, "{\"report\": [{\"pv\": [{\"pv_name\":\"/dev/vdb1\", \"vg_name\":\"\","
                + " \"pv_size\":\"8585740288\"}]}]}");
        assertThatThrownBy(() -> step.apply(ctx, change))
                .hasMessageContaining("sales-db1: the node changed since it was checked; nothing done")
                .satisfies(coded(ProblemCode.NODE_CHANGED_SINCE_CHECK));
        assertThat(shell.ran).noneMatch(l -> l.startsWith("pvcreate") || l.startsWith("vgcreate")
                || l.startsWith("lvcreate"));
    }

    @Test
    void checksDecideFromTheSnapshotButApplyActsOnlyOnFactsReadAgainFromTheNode() throws Exception {
        ScriptedShell shell = blankDisk();
        NodeSnapshots snapshots = new NodeSnapshots();
        DiskStep disk = new DiskStep(config, "sales-db1", snapshots);
        ReadsFacts.expectAll(List.of(disk), snapshots);
        TestContext ctx = new TestContext(disk.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) disk.check(ctx);
        withExt4(shell);

        // The snapshot still shows the blank disk: a second check sends nothing to the node.
        assertThat(disk.check(ctx)).isInstanceOf(Check.Change.class);
        assertThat(shell.looks).isEqualTo(1);
        // Acting reads the disk again, finds ext4 and refuses: the snapshot is never enough to destroy.
        assertThatThrownBy(() -> disk.apply(ctx, change)).hasMessageContaining("ext4")
                .hasMessageContaining("/dev/vdb");
        assertThat(shell.looks).isEqualTo(2);
        assertThat(shell.ran).noneMatch(l -> l.contains("sfdisk --wipe"));
        assertThat(shell.uploads).isEmpty();
    }

    @Test
    void aChangeMakesOnlyTheFactsItCanTouchBeReadAgain() throws Exception {
        ScriptedShell shell = blankDisk().answer(OsProbe.UNAME, 0, "sales-db1\n");
        NodeSnapshots snapshots = new NodeSnapshots();
        DiskStep disk = new DiskStep(config, "sales-db1", snapshots);
        snapshots.expect("sales-db1", List.of(OsProbe.UNAME));
        ReadsFacts.expectAll(List.of(disk), snapshots);
        TestContext ctx = new TestContext(disk.id(), config, Map.of("sales-db1", shell));

        disk.apply(ctx, (Check.Change) disk.check(ctx));
        int ranBefore = shell.ran.size();
        shell.answer(StorageProbe.sfdisk("/dev/vdb"), 0, Fixtures.read("sfdisk-vdb-lvm-rest.json"))
                .answer(StorageProbe.blkid("/dev/vdb"), 0, Fixtures.read("blkid-gpt.txt"))
                .answer(StorageProbe.wipefs("/dev/vdb"), 0, Fixtures.read("wipefs-gpt.json"));
        disk.verify(ctx);

        // verify looked once more, at the storage facts the partitioning touched, not at the node's name
        assertThat(shell.looks).isEqualTo(3);
        assertThat(shell.ran.subList(ranBefore, shell.ran.size()))
                .contains(StorageProbe.sfdisk("/dev/vdb").command().line())
                .doesNotContain(OsProbe.UNAME.command().line());
    }

    @Test
    void nonZeroExitOfAFactCommandIsAFailureNotEmptyFacts() {
        ScriptedShell shell = blankDisk().answer(StorageProbe.wipefs("/dev/vdb"), 1, "{\"signatures\": []}");
        DiskStep step = new DiskStep(config, "sales-db1", new NodeSnapshots());
        assertThatThrownBy(() -> step.check(new TestContext(step.id(), config, Map.of("sales-db1", shell))))
                .hasMessageContaining("sales-db1").hasMessageContaining("wipefs").hasMessageContaining("exit 1")
                .satisfies(coded(ProblemCode.FACT_COMMAND_FAILED));
    }

    @Test
    void aFileAnsweredInAFormNotKnownIsUnreadableNeverTakenAsMissing() {
        ScriptedShell shell = new ScriptedShell("sales-db1")
                .answer(OsProbe.UNAME, 0, "sales-db1\n")
                .answer(OsProbe.IP_ADDR, 0, Fixtures.read("ip-addr-db1.json"))
                .answer(HeartbeatProbe.ACTIVE, 3, "inactive\n");
        HeartbeatProbe.files().forEach(f -> shell.file(f, "644", null));
        shell.file(HeartbeatProbe.AUTHKEYS, "600", "not a digest");
        HeartbeatConfigStep step = new HeartbeatConfigStep(config, "sales-db1", new NodeSnapshots());
        assertThatThrownBy(() -> step.check(new TestContext(step.id(), config, Map.of("sales-db1", shell))))
                .hasMessageContaining("sales-db1: cannot read").hasMessageContaining("SHA-256")
                .satisfies(coded(ProblemCode.NODE_OUTPUT_UNREADABLE));
    }

    @Test
    void filesHoldingSecretsAreReadAsDigestsSoTheirContentNeverLeavesTheNode() throws Exception {
        ScriptedShell shell = new ScriptedShell("sales-db1");
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            shell.file(DrbdProbe.resourceFile(r), "600",
                    FileState.sha256(DrbdFiles.resource(config, r, "drbd-secret-" + r.name())) + "  -\n");
        }
        shell.file(DrbdProbe.GLOBAL_COMMON, "644", null).file(DrbdProbe.MODULES_LOAD, "644", null)
                .file(DrbdProbe.PROC_DRBD, "444", Fixtures.read("proc-drbd-down.txt"));
        DrbdConfigStep step = new DrbdConfigStep(config, "sales-db1", new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThat(change.actions()).noneMatch(a -> a.describe().contains("/etc/drbd.d/db2home.res"));
        assertThat(shell.ran).filteredOn(l -> l.contains(".res")).allMatch(l -> l.contains("sha256sum"));
        assertThat(ctx.output).noneMatch(l -> l.contains("drbd-secret"));
    }

    @Test
    void clusterStepActsOnTheNodesItNames() throws Exception {
        ScriptedShell db1 = new ScriptedShell("sales-db1").answer(OsProbe.PASSWD, 0,
                Fixtures.read("getent-passwd-db1.txt")).answer(OsProbe.GROUP, 0, Fixtures.read("getent-group-db1.txt"));
        ScriptedShell db2 = new ScriptedShell("sales-db2").answer(OsProbe.PASSWD, 0,
                Fixtures.read("getent-passwd-db2.txt")).answer(OsProbe.GROUP, 0, Fixtures.read("getent-group-db2.txt"));
        for (ScriptedShell s : new ScriptedShell[] {db1, db2}) {
            s.answer(Command.of("groupadd", "-g", "1102", "db2inst1"), 0, "")
                    .answer(Command.of("useradd", "-u", "1102", "-g", "db2inst1", "-s", "/bin/bash", "-d",
                            "/db2home/db2inst1", "-M", "db2inst1"), 0, "")
                    .answer(Command.of("groupadd", "-g", "1103", "db2fenc1"), 0, "")
                    .answer(Command.of("useradd", "-u", "1103", "-g", "db2fenc1", "-s", "/bin/bash", "-m",
                            "db2fenc1"), 0, "");
        }
        Db2UsersStep step = new Db2UsersStep(config, new NodeSnapshots());
        TestContext ctx = new TestContext(StepId.cluster(StepNames.DB2_USERS), config,
                Map.of("sales-db1", db1, "sales-db2", db2));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThat(change.description()).contains("on sales-db1").contains("on sales-db2");
        step.apply(ctx, change);
        assertThat(db1.ran).contains("groupadd -g 1102 db2inst1");
        assertThat(db2.ran).contains("groupadd -g 1102 db2inst1");
    }

    @Test
    void aFailedInstanceCopyRemovesThePartialCopyAndLeavesTheSource() throws Exception {
        ClusterConfig.Db2Instance i = config.db2().instances().get(0);
        ScriptedShell shell = new ScriptedShell("sales-db1")
                .file(DrbdProbe.PROC_DRBD, "444", Fixtures.read("proc-drbd-primary-synced.txt"))
                .answer(Db2Probe.instanceTools(config), 0, "")
                .answer(Db2Probe.instanceList(config), 0, "db2inst1\n")
                .answer(Db2Probe.passwd("db2inst1"), 0, "db2inst1:x:1102:1102::/home/db2inst1:/bin/bash\n")
                .answer(Db2Probe.used("/home/db2inst1"), 0, "104857600\t/home/db2inst1\n")
                .answer(Db2Probe.available("/db2home"), 0, "     Avail\n1048576000\n")
                .answer(Db2Probe.empty(i.home()), 0, "")
                .answer(Db2Probe.running("db2inst1"), 1, "")
                .answer(Command.of("install", "-d", "-o", "db2inst1", "-g", "db2inst1", "-m", "0755",
                        "/db2home/db2inst1"), 0, "")
                .answer(Command.of("cp", "-a", "--", "/home/db2inst1/.", "/db2home/db2inst1"), 1, "")
                .answer(Command.of("rm", "-rf", "--", "/db2home/db2inst1"), 0, "");
        Db2MoveStep step = new Db2MoveStep(config, "sales-db1", new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("original home is intact")
                .hasMessageContaining("still in use: command failed with exit 1: cp -a")
                .satisfies(coded(ProblemCode.DB2_HOME_COPY_FAILED));
        assertThat(shell.ran).contains("rm -rf -- /db2home/db2inst1")
                .noneMatch(l -> l.startsWith("usermod") || l.contains("db2iupdt") || l.contains("rm -rf -- /home"));
    }

    private ScriptedShell drbdNode(String name, String proc, String wipefs, String gi) {
        ScriptedShell shell = new ScriptedShell(name)
                .file(DrbdProbe.PROC_DRBD, "444", Fixtures.read("proc-drbd-" + proc + ".txt"));
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            String dev = DrbdFiles.backingDevice(r);
            shell.answer(StorageProbe.block(dev), 0, "")
                    .answer(StorageProbe.blkid(dev), 0, Fixtures.read("blkid-drbd.txt"))
                    .answer(StorageProbe.wipefs(dev), 0, Fixtures.read(wipefs))
                    .answer(DrbdProbe.generationIds(r), 0, Fixtures.read("get-gi-" + gi + ".txt"));
        }
        return shell;
    }

    @Test
    void neverForcesPrimaryWhileThePeerIsUnreachable() throws Exception {
        ScriptedShell db1 = drbdNode("sales-db1", "wfconnection", "wipefs-drbd.json", "fresh");
        ScriptedShell db2 = drbdNode("sales-db2", "wfconnection", "wipefs-drbd.json", "fresh");
        DrbdInitialPrimaryStep step = new DrbdInitialPrimaryStep(config, Duration.ZERO, Duration.ofMillis(1),
                new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", db1, "sales-db2", db2));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("did not connect")
                .hasMessageContaining("no node was made primary").satisfies(coded(ProblemCode.DRBD_PEER_NOT_CONNECTED));
        assertThat(db1.ran).noneMatch(l -> l.contains("primary"));
        assertThat(db2.ran).noneMatch(l -> l.contains("primary"));
    }

    @Test
    void forcesPrimaryOnceThePeerIsConnected() throws Exception {
        ScriptedShell db1 = drbdNode("sales-db1", "fresh-connected", "wipefs-drbd.json", "fresh")
                .answer(Command.of("drbdadm", "primary", "--force", "db2home"), 0, "")
                .answer(Command.of("drbdadm", "primary", "--force", "db2data"), 0, "");
        ScriptedShell db2 = drbdNode("sales-db2", "fresh-connected", "wipefs-drbd.json", "fresh");
        DrbdInitialPrimaryStep step = new DrbdInitialPrimaryStep(config, Duration.ZERO, Duration.ofMillis(1),
                new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", db1, "sales-db2", db2));
        step.apply(ctx, (Check.Change) step.check(ctx));
        assertThat(db1.ran).contains("drbdadm primary --force db2home", "drbdadm primary --force db2data");
        assertThat(db2.ran).noneMatch(l -> l.contains("primary"));
    }

    @Test
    void aStalledSyncIsReportedAndNothingIsTouched() throws Exception {
        ScriptedShell db1 = new ScriptedShell("sales-db1")
                .file(DrbdProbe.PROC_DRBD, "444", Fixtures.read("proc-drbd-syncsource.txt"));
        ScriptedShell db2 = new ScriptedShell("sales-db2")
                .file(DrbdProbe.PROC_DRBD, "444", Fixtures.read("proc-drbd-secondary-synced.txt"));
        WaitSyncStep step = new WaitSyncStep(config, Duration.ZERO, Duration.ofMillis(1), new NodeSnapshots());
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", db1, "sales-db2", db2));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("no progress")
                .hasMessageContaining("Nothing was changed").hasMessageContaining("db2home on sales-db1")
                .satisfies(coded(ProblemCode.DRBD_SYNC_STALLED));
        assertThat(db1.ran).allMatch(l -> l.equals(DrbdProbe.PROC_DRBD.command().line()));
        // every poll reads /proc/drbd from the node again: the check's snapshot, then one look per poll
        assertThat(db1.looks).isGreaterThan(1);
        assertThat(ctx.output).anyMatch(l -> l.contains("KiB out of sync"));
    }
}
