package org.hainstall.core.drbd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hainstall.core.testing.StepFailures.coded;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.FileState;
import org.hainstall.core.node.Fixtures;
import org.hainstall.core.node.NodeActions;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.ScriptedShell;
import org.hainstall.core.node.Secret;
import org.hainstall.core.node.TestContext;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.storage.Mounts;
import org.hainstall.core.storage.Signatures;
import org.hainstall.core.storage.StorageProbe;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.config.DrbdProtocol;
import org.hainstall.core.config.InitialSync;

class DrbdStepsTest {
    private static final String SECRET = "s3cr3t-drbd-Value";
    private final ClusterConfig config = TestClusters.example();
    private final ClusterConfig.DrbdResource home = config.replication().resources().get(0);

    private static ProcDrbd proc(String name) {
        return ProcDrbd.parse(Fixtures.read("proc-drbd-" + name + ".txt"));
    }

    /** Both resources' devices formatted ext4, as the config asks. */
    private static Map<String, Signatures> bothExt4() {
        Signatures ext4 = Signatures.parse(0, "TYPE=ext4\n", "{\"signatures\":[]}");
        return Map.of("db2home", ext4, "db2data", ext4);
    }

    private static Signatures drbdSigs(String wipefs) {
        return Signatures.parse(0, Fixtures.read("blkid-drbd.txt"), Fixtures.read(wipefs));
    }

    private static GenerationIds gi(String name) {
        return GenerationIds.parse(Fixtures.read("get-gi-" + name + ".txt"));
    }

    @Test
    void rendersResourceFileIn84Syntax() {
        assertThat(DrbdFiles.resource(config, home, SECRET)).isEqualTo("""
                # Written by hainstall for cluster sales-db; changes here are overwritten.
                resource db2home {
                  startup {
                    wfc-timeout 60;
                    degr-wfc-timeout 30;
                    outdated-wfc-timeout 30;
                  }
                  net {
                    protocol C;
                    cram-hmac-alg sha1;
                    shared-secret "s3cr3t-drbd-Value";
                    after-sb-0pri discard-zero-changes;
                    after-sb-1pri consensus;
                    after-sb-2pri disconnect;
                  }
                  on sales-db1 {
                    device /dev/drbd0;
                    disk /dev/vg_db2/lv_db2home;
                    address 10.10.0.11:7789;
                    meta-disk internal;
                  }
                  on sales-db2 {
                    device /dev/drbd0;
                    disk /dev/vg_db2/lv_db2home;
                    address 10.10.0.12:7789;
                    meta-disk internal;
                  }
                }
                """);
    }

    private DrbdConfigStep.Facts noFiles(ProcDrbd drbd) {
        return new DrbdConfigStep.Facts(Map.of(), Map.of("db2home", new Secret(SECRET),
                "db2data", new Secret(SECRET + "2")), drbd);
    }

    @Test
    void resourceFileWriteIsSecretAndItsDescriptionHidesTheSecret() {
        Check.Change change = (Check.Change) DrbdConfigStep.decide(config, noFiles(proc("down")));
        Action.WriteFile res = change.actions().stream().filter(a -> a instanceof Action.WriteFile)
                .map(a -> (Action.WriteFile) a).filter(w -> w.path().equals("/etc/drbd.d/db2home.res"))
                .findFirst().orElseThrow();
        assertThat(res.secret()).isTrue();
        assertThat(res.mode()).isEqualTo(0600);
        assertThat(res.describe()).doesNotContain(SECRET);
        for (Action a : change.actions()) {
            assertThat(a.describe()).doesNotContain(SECRET);
        }
        assertThat(change.description()).doesNotContain(SECRET);
        assertThat(change.actions().get(change.actions().size() - 1).describe()).isEqualTo("run: drbdadm sh-nop");
    }

    @Test
    void loadsModuleWhenProcDrbdIsMissing() {
        Check.Change change = (Check.Change) DrbdConfigStep.decide(config, noFiles(null));
        assertThat(change.actions().get(0).describe()).isEqualTo("run: modprobe drbd");
    }

    @Test
    void matchingFilesAreSatisfied() {
        Map<String, FileState> files = new LinkedHashMap<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            String secret = r.name().equals("db2home") ? SECRET : SECRET + "2";
            files.put(DrbdFiles.path(r), new FileState(DrbdFiles.resource(config, r, secret), "600"));
        }
        files.put(DrbdFiles.GLOBAL_COMMON, new FileState(DrbdFiles.globalCommon(), "644"));
        files.put(DrbdConfigStep.MODULES_LOAD, new FileState("drbd\n", "644"));
        DrbdConfigStep.Facts facts = new DrbdConfigStep.Facts(files, noFiles(null).secrets(), proc("down"));
        assertThat(DrbdConfigStep.decide(config, facts)).isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void createsMetadataOnlyOnBlankVolumes() throws StepException {
        Map<String, DrbdMetadataStep.Backing> b = new LinkedHashMap<>();
        b.put("db2home", new DrbdMetadataStep.Backing(Signatures.blank(), null));
        b.put("db2data", new DrbdMetadataStep.Backing(drbdSigs("wipefs-drbd.json"), gi("fresh")));
        Check.Change change = (Check.Change) DrbdMetadataStep.decide(config, "sales-db1",
                new DrbdMetadataStep.Facts(b, proc("down")));
        assertThat(change.actions().stream().map(Action::describe))
                .containsExactly("run: drbdadm create-md db2home");
        assertThat(change.actions().stream().map(Action::describe).toList().toString()).doesNotContain("--force");
    }

    @Test
    void reusesExistingMetadata() throws StepException {
        Map<String, DrbdMetadataStep.Backing> b = new LinkedHashMap<>();
        b.put("db2home", new DrbdMetadataStep.Backing(drbdSigs("wipefs-drbd-ext4.json"), gi("history")));
        b.put("db2data", new DrbdMetadataStep.Backing(drbdSigs("wipefs-drbd.json"), gi("fresh")));
        assertThat(DrbdMetadataStep.decide(config, "sales-db1", new DrbdMetadataStep.Facts(b, proc("down"))))
                .isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void refusesUnreadableMetadataInsteadOfRecreatingIt() {
        Map<String, DrbdMetadataStep.Backing> b = new LinkedHashMap<>();
        b.put("db2home", new DrbdMetadataStep.Backing(drbdSigs("wipefs-drbd.json"), null));
        b.put("db2data", new DrbdMetadataStep.Backing(Signatures.blank(), null));
        assertThatThrownBy(() -> DrbdMetadataStep.decide(config, "sales-db2", new DrbdMetadataStep.Facts(b, null)))
                .hasMessageContaining("sales-db2").hasMessageContaining("not recreated")
                .satisfies(coded(ProblemCode.DRBD_METADATA_UNREADABLE));
    }

    @Test
    void refusesCreateMdOnVolumeWithFilesystem() {
        Map<String, DrbdMetadataStep.Backing> b = new LinkedHashMap<>();
        b.put("db2home", new DrbdMetadataStep.Backing(Signatures.parse(0, "TYPE=ext4\n",
                Fixtures.read("wipefs-ext4.json")), null));
        b.put("db2data", new DrbdMetadataStep.Backing(Signatures.blank(), null));
        assertThatThrownBy(() -> DrbdMetadataStep.decide(config, "sales-db1", new DrbdMetadataStep.Facts(b, null)))
                .hasMessageContaining("/dev/vg_db2/lv_db2home").hasMessageContaining("ext4")
                .satisfies(coded(ProblemCode.DRBD_BACKING_FOREIGN));
    }

    @Test
    void bringsDownResourcesUpAndEnablesTheService() throws StepException {
        Check.Change change = (Check.Change) DrbdUpStep.decide(config, "sales-db1",
                new DrbdUpStep.Facts(proc("down"), "disabled"));
        assertThat(change.actions().stream().map(Action::describe)).containsExactly(
                "run: drbdadm up db2home", "run: drbdadm up db2data", "run: systemctl enable drbd");
        assertThat(DrbdUpStep.decide(config, "sales-db1", new DrbdUpStep.Facts(proc("wfconnection"), "enabled")))
                .isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void refusesStandAloneResource() {
        assertThatThrownBy(() -> DrbdUpStep.decide(config, "sales-db2",
                new DrbdUpStep.Facts(proc("standalone"), "enabled")))
                .hasMessageContaining("StandAlone").hasMessageContaining("db2home")
                .hasMessageContaining("drbdadm connect --discard-my-data db2home")
                .satisfies(coded(ProblemCode.DRBD_STANDALONE));
    }

    @Test
    void refusesAResourceThatLostItsBackingVolume() {
        ProcDrbd diskless = ProcDrbd.parse(Fixtures.read("proc-drbd-secondary-synced.txt")
                .replaceFirst("ds:UpToDate/UpToDate", "ds:Diskless/UpToDate"));
        assertThatThrownBy(() -> DrbdUpStep.decide(config, "sales-db2", new DrbdUpStep.Facts(diskless, "enabled")))
                .hasMessageContaining("db2home is up but Diskless").hasMessageContaining("drbdadm attach db2home")
                .satisfies(coded(ProblemCode.DRBD_DISKLESS));
    }

    private DrbdInitialPrimaryStep.Facts initial(String vProc, Signatures vSig, GenerationIds vGi,
                                                 String pProc, Signatures pSig, GenerationIds pGi) {
        Map<String, DrbdMetadataStep.Backing> vb = new LinkedHashMap<>();
        Map<String, DrbdMetadataStep.Backing> pb = new LinkedHashMap<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            vb.put(r.name(), new DrbdMetadataStep.Backing(vSig, vGi));
            pb.put(r.name(), new DrbdMetadataStep.Backing(pSig, pGi));
        }
        Map<String, DrbdInitialPrimaryStep.NodeFacts> nodes = new LinkedHashMap<>();
        nodes.put("sales-db1", new DrbdInitialPrimaryStep.NodeFacts(proc(vProc), vb));
        nodes.put("sales-db2", new DrbdInitialPrimaryStep.NodeFacts(proc(pProc), pb));
        return new DrbdInitialPrimaryStep.Facts(nodes);
    }

    @Test
    void forcesPrimaryOnlyOnTheValidDataNodeWhenBothAreFresh() throws StepException {
        List<NodeActions> plan = DrbdInitialPrimaryStep.decide(config, initial(
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh"),
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh")));
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).node()).isEqualTo("sales-db1");
        assertThat(plan.get(0).actions().stream().map(Action::describe)).containsExactly(
                "run: drbdadm primary --force db2home", "run: drbdadm primary --force db2data");
    }

    @Test
    void refusesWhenValidDataNodeIsBlankButPeerHasData() {
        assertThatThrownBy(() -> DrbdInitialPrimaryStep.decide(config, initial(
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh"),
                "fresh-connected", drbdSigs("wipefs-drbd-ext4.json"), gi("fresh"))))
                .hasMessageContaining("sales-db1 (holdsValidData) is blank").hasMessageContaining("ext4")
                .hasMessageContaining("refusing").satisfies(coded(ProblemCode.DRBD_PEER_HOLDS_DATA));
    }

    @Test
    void refusesWhenPeerHasPrimaryHistory() {
        assertThatThrownBy(() -> DrbdInitialPrimaryStep.decide(config, initial(
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh"),
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("history"))))
                .hasMessageContaining("sales-db2").hasMessageContaining("newer")
                .satisfies(coded(ProblemCode.DRBD_PEER_HOLDS_DATA));
    }

    @Test
    void refusesToChooseAPrimaryWithoutTheGenerationIdentifiers() {
        assertThatThrownBy(() -> DrbdInitialPrimaryStep.decide(config, initial(
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh"),
                "fresh-connected", drbdSigs("wipefs-drbd.json"), null)))
                .hasMessageContaining("cannot read the generation identifiers on sales-db2")
                .satisfies(coded(ProblemCode.DRBD_METADATA_UNREADABLE));
    }

    @Test
    void doesNothingOnceANodeIsPrimary() throws StepException {
        List<NodeActions> plan = DrbdInitialPrimaryStep.decide(config, initial(
                "secondary-synced", drbdSigs("wipefs-drbd-ext4.json"), gi("history"),
                "primary-synced", drbdSigs("wipefs-drbd-ext4.json"), gi("history")));
        assertThat(NodeActions.toCheck("done", plan)).isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void skipsInitialSyncOnlyWhenBothVolumesAreBlank() throws StepException {
        ClusterConfig skip = TestClusters.withReplication(new ClusterConfig.Replication(DrbdProtocol.C, InitialSync.SKIP,
                TestClusters.resources()));
        List<NodeActions> plan = DrbdInitialPrimaryStep.decide(skip, initial(
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh"),
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh")));
        assertThat(plan.get(0).actions().stream().map(Action::describe)).startsWith(
                "run: drbdadm -- --clear-bitmap new-current-uuid db2home", "run: drbdadm primary db2home");

        List<NodeActions> withData = DrbdInitialPrimaryStep.decide(skip, initial(
                "fresh-connected", drbdSigs("wipefs-drbd-ext4.json"), gi("fresh"),
                "fresh-connected", drbdSigs("wipefs-drbd.json"), gi("fresh")));
        assertThat(withData.get(0).actions().stream().map(Action::describe))
                .contains("run: drbdadm primary --force db2home").noneMatch(s -> s.contains("clear-bitmap"));
    }

    @Test
    void listsResourcesWaitingForThePeer() {
        DrbdInitialPrimaryStep.Facts facts = initial(
                "wfconnection", drbdSigs("wipefs-drbd.json"), gi("fresh"),
                "wfconnection", drbdSigs("wipefs-drbd.json"), gi("fresh"));
        assertThat(DrbdInitialPrimaryStep.unconnected(config, facts)).containsExactly("db2home", "db2data");
    }

    @Test
    void formatsBlankDrbdDevicesAndMountsThemOnTheActiveNodeOnly() throws StepException {
        Map<String, Signatures> devs = Map.of("db2home", Signatures.blank(), "db2data", Signatures.blank());
        Check.Change active = (Check.Change) DrbdFilesystemStep.decide(config, "sales-db1",
                new DrbdFilesystemStep.Facts(proc("syncsource"), devs, Set.of(), new Mounts(List.of()), false));
        assertThat(active.actions().stream().map(Action::describe)).containsExactly(
                "run: mkdir -p /db2home", "run: mkfs -t ext4 /dev/drbd0", "run: mount -t ext4 /dev/drbd0 /db2home",
                "run: mkdir -p /db2data", "run: mkfs -t ext4 /dev/drbd1", "run: mount -t ext4 /dev/drbd1 /db2data");

        Check.Change standby = (Check.Change) DrbdFilesystemStep.decide(config, "sales-db2",
                new DrbdFilesystemStep.Facts(proc("secondary-synced"), Map.of(), Set.of(), new Mounts(List.of()), false));
        assertThat(standby.actions().stream().map(Action::describe))
                .containsExactly("run: mkdir -p /db2home", "run: mkdir -p /db2data");
    }

    @Test
    void refusesDrbdDeviceWithOtherFilesystem() {
        Map<String, Signatures> devs = Map.of("db2home", Signatures.parse(0, "TYPE=xfs\n", "{\"signatures\":[]}"),
                "db2data", Signatures.blank());
        assertThatThrownBy(() -> DrbdFilesystemStep.decide(config, "sales-db1", new DrbdFilesystemStep.Facts(
                proc("primary-synced"), devs, Set.of("/db2home", "/db2data"), new Mounts(List.of()), false)))
                .hasMessageContaining("/dev/drbd0").hasMessageContaining("xfs")
                .satisfies(coded(ProblemCode.FILESYSTEM_FOREIGN));
    }

    @Test
    void refusesResourcesSplitBetweenTheNodes() {
        ProcDrbd mixed = ProcDrbd.parse(Fixtures.read("proc-drbd-primary-synced.txt")
                .replaceFirst("(?m)^ 1: cs:Connected ro:Primary/Secondary", " 1: cs:Connected ro:Secondary/Primary"));
        assertThatThrownBy(() -> DrbdFilesystemStep.decide(config, "sales-db1", new DrbdFilesystemStep.Facts(
                mixed, Map.of(), Set.of("/db2home", "/db2data"), new Mounts(List.of()), true)))
                .hasMessageContaining("split between the nodes").satisfies(coded(ProblemCode.DRBD_ROLES_SPLIT));
    }

    @Test
    void leavesAMissingMountToHeartbeatWhileItRuns() {
        Map<String, Signatures> ext4 = bothExt4();
        assertThatThrownBy(() -> DrbdFilesystemStep.decide(config, "sales-db1", new DrbdFilesystemStep.Facts(
                proc("primary-synced"), ext4, Set.of("/db2home", "/db2data"), new Mounts(List.of()), true)))
                .hasMessageContaining("/db2home is not mounted").hasMessageContaining("cl_status rscstatus")
                .satisfies(coded(ProblemCode.DRBD_FILESYSTEM_NOT_MOUNTED));
    }

    @Test
    void refusesADrbdMountPointHoldingAnotherDevice() {
        Map<String, Signatures> ext4 = bothExt4();
        assertThatThrownBy(() -> DrbdFilesystemStep.decide(config, "sales-db1", new DrbdFilesystemStep.Facts(
                proc("primary-synced"), ext4, Set.of("/db2home", "/db2data"),
                new Mounts(List.of(new Mounts.Mount("/db2home", "/dev/vdc1", "ext4"))), false)))
                .hasMessageContaining("/dev/vdc1 is mounted on /db2home, not /dev/drbd0")
                .satisfies(coded(ProblemCode.MOUNT_POINT_TAKEN));
    }

    @Test
    void reportsResourcesNotInSync() {
        Map<String, ProcDrbd> nodes = new LinkedHashMap<>();
        nodes.put("sales-db1", proc("syncsource"));
        nodes.put("sales-db2", proc("secondary-synced"));
        WaitSyncStep.Facts facts = new WaitSyncStep.Facts(nodes);
        assertThat(WaitSyncStep.notInSync(config, facts)).hasSize(2)
                .allMatch(s -> s.contains("sales-db1") && s.contains("SyncSource"));
        assertThat(WaitSyncStep.outOfSync(facts)).isEqualTo(921532L + 4194140L);

        Map<String, ProcDrbd> synced = new LinkedHashMap<>();
        synced.put("sales-db1", proc("primary-synced"));
        synced.put("sales-db2", proc("secondary-synced"));
        assertThat(WaitSyncStep.notInSync(config, new WaitSyncStep.Facts(synced))).isEmpty();
    }

    @Test
    void watchdogReportsStallOnlyAfterNoProgressForTheLimit() {
        SyncWatchdog w = new SyncWatchdog(Duration.ofMinutes(2));
        Instant t0 = Instant.parse("2026-11-26T00:00:00Z");
        assertThat(w.stalled(t0, 1000)).isFalse();
        assertThat(w.stalled(t0.plusSeconds(60), 900)).isFalse();
        assertThat(w.stalled(t0.plusSeconds(170), 900)).isFalse();
        assertThat(w.stalled(t0.plusSeconds(180), 900)).isTrue();
    }

    @Test
    void parsesProcDrbdSyncProgress() {
        ProcDrbd.Minor m = proc("syncsource").minor(0).orElseThrow();
        assertThat(m.cstate()).isEqualTo("SyncSource");
        assertThat(m.primary()).isTrue();
        assertThat(m.syncedPercent()).isEqualTo(12.2);
        assertThat(proc("down").minor(0)).isEmpty();
        assertThat(gi("fresh").fresh()).isTrue();
        assertThat(gi("history").fresh()).isFalse();
    }

    @Test
    void plansAFreshClusterWhileDrbdIsNotUpYet() throws StepException {
        Map<String, DrbdInitialPrimaryStep.NodeFacts> nodes = new LinkedHashMap<>();
        Map<String, DrbdMetadataStep.Backing> missing = new LinkedHashMap<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            missing.put(r.name(), new DrbdMetadataStep.Backing(null, null));
        }
        nodes.put("sales-db1", new DrbdInitialPrimaryStep.NodeFacts(null, missing));
        nodes.put("sales-db2", new DrbdInitialPrimaryStep.NodeFacts(null, missing));
        List<NodeActions> plan = DrbdInitialPrimaryStep.decide(config, new DrbdInitialPrimaryStep.Facts(nodes));
        assertThat(plan.get(0).actions().stream().map(Action::describe))
                .containsExactly("run: drbdadm primary --force db2home", "run: drbdadm primary --force db2data");
        assertThat(DrbdInitialPrimaryStep.unconnected(config, new DrbdInitialPrimaryStep.Facts(nodes)))
                .containsExactly("db2home", "db2data");
    }

    @Test
    void plansFilesystemsOnTheFutureActiveNodeButNeverAppliesOnAPrediction() throws StepException {
        Check.Change planned = (Check.Change) DrbdFilesystemStep.decide(config, "sales-db1",
                new DrbdFilesystemStep.Facts(null, Map.of(), Set.of(), new Mounts(List.of()), false));
        assertThat(planned.actions().stream().map(Action::describe)).contains("run: mkfs -t ext4 /dev/drbd0");
        Check.Change standby = (Check.Change) DrbdFilesystemStep.decide(config, "sales-db2",
                new DrbdFilesystemStep.Facts(null, Map.of(), Set.of(), new Mounts(List.of()), false));
        assertThat(standby.actions().stream().map(Action::describe)).noneMatch(d -> d.contains("mkfs"));

        DrbdFilesystemStep step = new DrbdFilesystemStep(config, "sales-db1", new NodeSnapshots());
        ScriptedShell shell = new ScriptedShell("sales-db1")
                .file(DrbdProbe.PROC_DRBD, "444", null)
                .answer(StorageProbe.FINDMNT, 0, "{\"filesystems\": []}")
                .answer(OsProbe.HEARTBEAT_ACTIVE, 3, "inactive\n");
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            shell.answer(DrbdProbe.mountPoint(r), 1, "")
                    .answer(StorageProbe.blkid(DrbdFiles.device(r)), 2, "")
                    .answer(StorageProbe.wipefs(DrbdFiles.device(r)), 1, "");
        }
        TestContext ctx = new TestContext(step.id(), config, Map.of("sales-db1", shell));
        Check.Change change = (Check.Change) step.check(ctx);
        assertThatThrownBy(() -> step.apply(ctx, change)).hasMessageContaining("no DRBD resource is up")
                .satisfies(coded(ProblemCode.DRBD_NOT_UP));
        assertThat(shell.ran).noneMatch(l -> l.startsWith("mkfs") || l.startsWith("mkdir"));
    }
}
