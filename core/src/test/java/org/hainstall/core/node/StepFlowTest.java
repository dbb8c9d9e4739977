package org.hainstall.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.junit.jupiter.api.Test;

/** The steps' read → decide → apply flow, on scripted shells. */
class StepFlowTest {
    private final ClusterConfig config = TestConfigs.example();
    private static final Command LSBLK = Command.of("lsblk", "--json", "-b", "-o",
            "NAME,PATH,TYPE,SIZE,FSTYPE,MOUNTPOINT,PKNAME", "/dev/vdb");
    private static final Command BLKID = Command.of("blkid", "-p", "-o", "export", "/dev/vdb");
    private static final Command WIPEFS = Command.of("wipefs", "--no-act", "--json", "/dev/vdb");

    private ScriptedShell blankDisk() {
        return new ScriptedShell("sales-db1")
                .answer(LSBLK, 0, Fixtures.read("lsblk-vdb-blank.json"))
                .answer(BLKID, 2, "")
                .answer(WIPEFS, 0, Fixtures.read("wipefs-blank.json"))
                .answer(Command.of("mkdir", "-p", "-m", "0700", "/run/hainstall"), 0, "")
                .answer(Command.of("sh", "-c", "sfdisk --wipe never -- \"$1\" < \"$2\"", "sh", "/dev/vdb",
                        "/run/hainstall/sfdisk-vdb.txt"), 0, "")
                .answer(Command.of("udevadm", "settle"), 0, "");
    }

    @Test
    void partitionsABlankDiskAfterCheckingItAgain() throws Exception {
        ScriptedShell shell = blankDisk();
        DiskStep step = new DiskStep(config, "sales-db1");
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        step.apply(ctx, change);
        assertThat(shell.uploads).containsKey("/run/hainstall/sfdisk-vdb.txt");
        assertThat(shell.ran).filteredOn(l -> l.startsWith("sh -c")).hasSize(1);
        assertThat(shell.ran.indexOf(BLKID.line())).isLessThan(shell.ran.lastIndexOf(
                "sh -c 'sfdisk --wipe never -- \"$1\" < \"$2\"' sh /dev/vdb /run/hainstall/sfdisk-vdb.txt"));
    }

    @Test
    void refusesAndLeavesTheDiskWhenAFilesystemAppearedSinceTheCheck() throws Exception {
        ScriptedShell shell = blankDisk();
        DiskStep step = new DiskStep(config, "sales-db1");
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        shell.answer(BLKID, 0, Fixtures.read("blkid-ext4.txt")).answer(WIPEFS, 0, Fixtures.read("wipefs-ext4.json"));
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("ext4");
        assertThat(shell.ran).noneMatch(l -> l.contains("sfdisk --wipe"));
        assertThat(shell.uploads).isEmpty();
    }

    @Test
    void nonZeroExitOfAFactCommandIsAFailureNotEmptyFacts() {
        ScriptedShell shell = new ScriptedShell("sales-db1").answer(LSBLK, 0, Fixtures.read("lsblk-vdb-blank.json"))
                .answer(BLKID, 2, "").answer(WIPEFS, 1, "{\"signatures\": []}");
        DiskStep step = new DiskStep(config, "sales-db1");
        assertThatThrownBy(() -> step.check(new TestContext(step.id(), config, Map.of("sales-db1", shell))))
                .hasMessageContaining("sales-db1").hasMessageContaining("wipefs").hasMessageContaining("exit 1");
    }

    @Test
    void secretFilesAreReadWithoutForwardingTheirContent() throws Exception {
        ScriptedShell shell = new ScriptedShell("sales-db1");
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            String path = DrbdFiles.path(r);
            shell.answer(Remote.readFileCommand(path), 0,
                    DrbdFiles.resource(config, r, "drbd-secret-" + r.name()));
            shell.answer(Command.of("stat", "-c", "%a", path), 0, "600\n");
        }
        for (String p : new String[] {DrbdFiles.GLOBAL_COMMON, DrbdConfigStep.MODULES_LOAD}) {
            shell.answer(Remote.readFileCommand(p), 3, "");
            shell.answer(Command.of("stat", "-c", "%a", p), 1, "");
        }
        shell.answer(Remote.readFileCommand("/proc/drbd"), 0,
                Fixtures.read("proc-drbd-down.txt"));
        DrbdConfigStep step = new DrbdConfigStep(config, "sales-db1");
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThat(change.actions()).noneMatch(a -> a.describe().contains("/etc/drbd.d/db2home.res"));
        assertThat(ctx.output).noneMatch(l -> l.contains("drbd-secret"));
    }

    @Test
    void clusterStepActsOnTheNodesItNames() throws Exception {
        ScriptedShell db1 = new ScriptedShell("sales-db1").answer(Command.of("getent", "passwd"), 0,
                Fixtures.read("getent-passwd-db1.txt")).answer(Command.of("getent", "group"), 0,
                Fixtures.read("getent-group-db1.txt"));
        ScriptedShell db2 = new ScriptedShell("sales-db2").answer(Command.of("getent", "passwd"), 0,
                Fixtures.read("getent-passwd-db2.txt")).answer(Command.of("getent", "group"), 0,
                Fixtures.read("getent-group-db2.txt"));
        for (ScriptedShell s : new ScriptedShell[] {db1, db2}) {
            s.answer(Command.of("groupadd", "-g", "1102", "db2inst1"), 0, "")
                    .answer(Command.of("useradd", "-u", "1102", "-g", "db2inst1", "-s", "/bin/bash", "-d",
                            "/db2home/db2inst1", "-M", "db2inst1"), 0, "")
                    .answer(Command.of("groupadd", "-g", "1103", "db2fenc1"), 0, "")
                    .answer(Command.of("useradd", "-u", "1103", "-g", "db2fenc1", "-s", "/bin/bash", "-m",
                            "db2fenc1"), 0, "");
        }
        Db2UsersStep step = new Db2UsersStep(config);
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
        String install = "/opt/ibm/db2/V11.5";
        ScriptedShell shell = new ScriptedShell("sales-db1")
                .answer(Remote.readFileCommand("/proc/drbd"), 0, Fixtures.read("proc-drbd-primary-synced.txt"))
                .answer(Command.of("test", "-x", install + "/instance/db2ilist"), 0, "")
                .answer(Command.of(install + "/instance/db2ilist"), 0, "db2inst1\n")
                .answer(Command.of("getent", "passwd", "db2inst1"), 0,
                        "db2inst1:x:1102:1102::/home/db2inst1:/bin/bash\n")
                .answer(Command.of("du", "-s", "-B1", "--", "/home/db2inst1"), 0, "104857600\t/home/db2inst1\n")
                .answer(Command.of("df", "-B1", "--output=avail", "/db2home"), 0, "     Avail\n1048576000\n")
                .answer(Remote.emptyDirCommand("/db2home/db2inst1"), 0, "")
                .answer(Command.of("pgrep", "-x", "-u", "db2inst1", "db2sysc"), 1, "")
                .answer(Command.of("install", "-d", "-o", "db2inst1", "-g", "db2inst1", "-m", "0755",
                        "/db2home/db2inst1"), 0, "")
                .answer(Command.of("cp", "-a", "--", "/home/db2inst1/.", "/db2home/db2inst1"), 1, "")
                .answer(Command.of("rm", "-rf", "--", "/db2home/db2inst1"), 0, "");
        Db2MoveStep step = new Db2MoveStep(config, "sales-db1");
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("original home is intact");
        assertThat(shell.ran).contains("rm -rf -- /db2home/db2inst1")
                .noneMatch(l -> l.startsWith("usermod") || l.contains("db2iupdt") || l.contains("rm -rf -- /home"));
    }

    private ScriptedShell drbdNode(String name, String proc, String wipefs, String gi) {
        ScriptedShell shell = new ScriptedShell(name)
                .answer(Remote.readFileCommand("/proc/drbd"), 0, Fixtures.read("proc-drbd-" + proc + ".txt"));
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            String dev = DrbdFiles.backingDevice(r);
            shell.answer(Command.of("test", "-b", dev), 0, "")
                    .answer(Command.of("blkid", "-p", "-o", "export", dev), 0, Fixtures.read("blkid-drbd.txt"))
                    .answer(Command.of("wipefs", "--no-act", "--json", dev), 0, Fixtures.read(wipefs))
                    .answer(Command.of("drbdadm", "get-gi", r.name()), 0, Fixtures.read("get-gi-" + gi + ".txt"));
        }
        return shell;
    }

    @Test
    void neverForcesPrimaryWhileThePeerIsUnreachable() throws Exception {
        ScriptedShell db1 = drbdNode("sales-db1", "wfconnection", "wipefs-drbd.json", "fresh");
        ScriptedShell db2 = drbdNode("sales-db2", "wfconnection", "wipefs-drbd.json", "fresh");
        DrbdInitialPrimaryStep step = new DrbdInitialPrimaryStep(config, java.time.Duration.ZERO,
                java.time.Duration.ofMillis(1));
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", db1, "sales-db2", db2));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("did not connect")
                .hasMessageContaining("no node was made primary");
        assertThat(db1.ran).noneMatch(l -> l.contains("primary"));
        assertThat(db2.ran).noneMatch(l -> l.contains("primary"));
    }

    @Test
    void forcesPrimaryOnceThePeerIsConnected() throws Exception {
        ScriptedShell db1 = drbdNode("sales-db1", "fresh-connected", "wipefs-drbd.json", "fresh")
                .answer(Command.of("drbdadm", "primary", "--force", "db2home"), 0, "")
                .answer(Command.of("drbdadm", "primary", "--force", "db2data"), 0, "");
        ScriptedShell db2 = drbdNode("sales-db2", "fresh-connected", "wipefs-drbd.json", "fresh");
        DrbdInitialPrimaryStep step = new DrbdInitialPrimaryStep(config, java.time.Duration.ZERO,
                java.time.Duration.ofMillis(1));
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", db1, "sales-db2", db2));
        step.apply(ctx, (Check.Change) step.check(ctx));
        assertThat(db1.ran).contains("drbdadm primary --force db2home", "drbdadm primary --force db2data");
        assertThat(db2.ran).noneMatch(l -> l.contains("primary"));
    }

    @Test
    void aStalledSyncIsReportedAndNothingIsTouched() throws Exception {
        ScriptedShell db1 = new ScriptedShell("sales-db1")
                .answer(Remote.readFileCommand("/proc/drbd"), 0, Fixtures.read("proc-drbd-syncsource.txt"));
        ScriptedShell db2 = new ScriptedShell("sales-db2")
                .answer(Remote.readFileCommand("/proc/drbd"), 0, Fixtures.read("proc-drbd-secondary-synced.txt"));
        WaitSyncStep step = new WaitSyncStep(config, java.time.Duration.ZERO, java.time.Duration.ofMillis(1));
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", db1, "sales-db2", db2));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("no progress")
                .hasMessageContaining("Nothing was changed").hasMessageContaining("db2home on sales-db1");
        assertThat(db1.ran).allMatch(l -> l.equals(Remote.readFileCommand("/proc/drbd").line()));
        assertThat(ctx.output).anyMatch(l -> l.contains("KiB out of sync"));
    }
}
