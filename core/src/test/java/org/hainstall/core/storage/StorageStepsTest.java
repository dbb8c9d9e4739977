package org.hainstall.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hainstall.core.testing.StepFailures.coded;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.Fixtures;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepException;
import org.junit.jupiter.api.Test;
import org.hainstall.core.testing.TestClusters;
import org.hainstall.core.config.PartitionType;

class StorageStepsTest {
    private final ClusterConfig config = TestClusters.example();

    private static BlockDevices.BlockDevice lsblk(String fixture) {
        return BlockDevices.parse(Fixtures.read(fixture)).find("/dev/vdb").orElseThrow();
    }

    private static Signatures sigs(String blkid, String wipefs) {
        String b = Fixtures.read(blkid);
        return Signatures.parse(b.isEmpty() ? 2 : 0, b, Fixtures.read(wipefs));
    }

    private static DiskStep.Facts disk(String lsblk, Signatures sigs, String sfdisk) {
        return new DiskStep.Facts(List.of(new DiskStep.DiskFacts("/dev/vdb", lsblk(lsblk), sigs,
                sfdisk == null ? null : PartitionTable.parse(Fixtures.read(sfdisk)))));
    }

    @Test
    void aFreshPartitionIsBlankAlthoughBlkidDescribesItsTableEntry() {
        // blkid -p /dev/vdb1 on a lab VM right after sfdisk: exit 0, only the partition's entry in the GPT.
        Signatures fresh = Signatures.parse(0, """
                DEVNAME=/dev/vdb1
                PART_ENTRY_SCHEME=gpt
                PART_ENTRY_UUID=5b7f1c0e-0d4b-4e7b-a1b6-2f1c1e9a0b11
                PART_ENTRY_TYPE=e6d6d379-f507-44c2-a23c-238f2a3df928
                PART_ENTRY_NUMBER=1
                PART_ENTRY_OFFSET=2048
                PART_ENTRY_SIZE=1046495
                PART_ENTRY_DISK=254:16
                """, "{\"signatures\":[]}");
        assertThat(fresh.isBlank()).isTrue();
        assertThat(Signatures.parse(0, "PART_ENTRY_SCHEME=gpt\nTYPE=ext4\n", "{\"signatures\":[]}").isBlank())
                .isFalse();
    }

    @Test
    void partitionsBlankDiskWithExactSfdiskScript() throws StepException {
        Check check = DiskStep.decide(config, "sales-db1",
                disk("lsblk-vdb-blank.json", sigs("blkid-blank.txt", "wipefs-blank.json"), null));

        assertThat(check).isInstanceOf(Check.Change.class);
        List<Action> actions = ((Check.Change) check).actions();
        assertThat(actions).contains(new Action.WriteFile("/run/hainstall/sfdisk-vdb.txt",
                "label: gpt\n/dev/vdb1 : type=E6D6D379-F507-44C2-A23C-238F2A3DF928\n", 0600, false));
        assertThat(actions.stream().map(Action::describe)).contains(
                "run: sh -c 'sfdisk --wipe never -- \"$1\" < \"$2\"' sh /dev/vdb /run/hainstall/sfdisk-vdb.txt");
    }

    @Test
    void refusesDiskWithExt4NamingNodeDeviceAndExt4() {
        assertThatThrownBy(() -> DiskStep.decide(config, "sales-db2",
                disk("lsblk-vdb-blank.json", sigs("blkid-ext4.txt", "wipefs-ext4.json"), null)))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("sales-db2").hasMessageContaining("/dev/vdb").hasMessageContaining("ext4")
                .hasMessageContaining("unchanged").hasMessageContaining("wipefs -a /dev/vdb")
                .satisfies(coded(ProblemCode.DISK_FOREIGN));
    }

    @Test
    void acceptsDiskAlreadyPartitionedAsConfigured() throws StepException {
        Check check = DiskStep.decide(config, "sales-db1", disk("lsblk-vdb-partitioned.json",
                sigs("blkid-gpt.txt", "wipefs-gpt.json"), "sfdisk-vdb-lvm-rest.json"));
        assertThat(check).isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void refusesDiskPartitionedDifferently() {
        assertThatThrownBy(() -> DiskStep.decide(config, "sales-db1", disk("lsblk-vdb-partitioned.json",
                sigs("blkid-gpt.txt", "wipefs-gpt.json"), "sfdisk-vdb-two.json")))
                .hasMessageContaining("gpt").hasMessageContaining("/dev/vdb1").hasMessageContaining("refusing")
                .satisfies(coded(ProblemCode.DISK_FOREIGN));
    }

    @Test
    void acceptsTwoPartitionLayoutWithFixedSizeAndRest() throws StepException {
        ClusterConfig two = TestClusters.withStorage(config, new ClusterConfig.Storage(
                List.of(new ClusterConfig.Disk("/dev/vdb", List.of(new ClusterConfig.Partition(1, "512M", PartitionType.LINUX),
                        new ClusterConfig.Partition(2, "rest", PartitionType.LVM)))),
                List.of()));
        Check check = DiskStep.decide(two, "sales-db1", disk("lsblk-vdb-partitioned.json",
                sigs("blkid-gpt.txt", "wipefs-gpt.json"), "sfdisk-vdb-two.json"));
        assertThat(check).isInstanceOf(Check.Satisfied.class);
        assertThat(StorageLayout.sfdiskScript(two.storage().disks().get(0))).isEqualTo("label: gpt\n"
                + "/dev/vdb1 : size=512MiB, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\n"
                + "/dev/vdb2 : type=E6D6D379-F507-44C2-A23C-238F2A3DF928\n");
    }

    @Test
    void refusesMissingDisk() {
        DiskStep.Facts facts = new DiskStep.Facts(List.of(new DiskStep.DiskFacts("/dev/vdb", null,
                Signatures.blank(), null)));
        assertThatThrownBy(() -> DiskStep.decide(config, "sales-db1", facts)).hasMessageContaining("does not exist")
                .satisfies(coded(ProblemCode.DEVICE_MISSING));
    }

    @Test
    void preflightRefusesVolumesLargerThanTheDisk() {
        StoragePreflightStep.Facts small = new StoragePreflightStep.Facts(Map.of("/dev/vdb", 4L << 30),
                LvmReport.empty());
        assertThatThrownBy(() -> StoragePreflightStep.decide(config, "sales-db1", small))
                .hasMessageContaining("sales-db1").hasMessageContaining("vg_db2")
                .hasMessageContaining("nothing was changed").satisfies(coded(ProblemCode.STORAGE_NO_SPACE));
    }

    @Test
    void preflightAcceptsLayoutThatFits() throws StepException {
        StoragePreflightStep.Facts big = new StoragePreflightStep.Facts(Map.of("/dev/vdb", 8L << 30),
                LvmReport.empty());
        assertThat(StoragePreflightStep.decide(config, "sales-db1", big)).isInstanceOf(Check.Satisfied.class);
    }

    private static LvmReport lvm(String kind) {
        return LvmReport.parse(Fixtures.read("lvm-pvs-" + kind + ".json"), Fixtures.read("lvm-vgs-" + kind + ".json"),
                Fixtures.read("lvm-lvs-" + kind + ".json"));
    }

    @Test
    void createsPvVgAndLvsOnBlankPartition() throws StepException {
        Map<String, Signatures> devs = new HashMap<>();
        devs.put("/dev/vdb1", Signatures.blank());
        Check check = LvmStep.decide(config, "sales-db1", new LvmStep.Facts(lvm("empty"), devs));
        assertThat(((Check.Change) check).actions().stream().map(Action::describe)).containsExactly(
                "run: pvcreate /dev/vdb1",
                "run: vgcreate vg_db2 /dev/vdb1",
                "run: lvcreate --yes --wipesignatures y -L 1024m -n lv_db2home vg_db2",
                "run: lvcreate --yes --wipesignatures y -L 4096m -n lv_db2data vg_db2",
                "run: lvcreate --yes --wipesignatures y -L 2048m -n lv_backup vg_db2");
    }

    @Test
    void refusesPvcreateOnPartitionWithFilesystem() {
        Map<String, Signatures> devs = new HashMap<>();
        devs.put("/dev/vdb1", sigs("blkid-ext4.txt", "wipefs-ext4.json"));
        assertThatThrownBy(() -> LvmStep.decide(config, "sales-db1", new LvmStep.Facts(lvm("empty"), devs)))
                .hasMessageContaining("sales-db1").hasMessageContaining("/dev/vdb1").hasMessageContaining("ext4")
                .satisfies(coded(ProblemCode.PV_FOREIGN));
    }

    @Test
    void refusesPvOfAnotherVolumeGroup() {
        LvmReport other = LvmReport.parse(Fixtures.read("lvm-pvs-other-vg.json"), Fixtures.read("lvm-vgs-empty.json"),
                Fixtures.read("lvm-lvs-empty.json"));
        assertThatThrownBy(() -> LvmStep.decide(config, "sales-db1", new LvmStep.Facts(other, Map.of())))
                .hasMessageContaining("vg_old").hasMessageContaining("vgreduce vg_old /dev/vdb1")
                .satisfies(coded(ProblemCode.PV_FOREIGN));
    }

    @Test
    void existingVolumesAsConfiguredAreSatisfied() throws StepException {
        assertThat(LvmStep.decide(config, "sales-db1", new LvmStep.Facts(lvm("done"), Map.of())))
                .isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void formatsBlankLocalVolumeAddsFstabAndMounts() throws StepException {
        Map<String, Signatures> vols = new HashMap<>();
        vols.put("/dev/vg_db2/lv_backup", Signatures.blank());
        Check check = FilesystemStep.decide(config, "sales-db1", new FilesystemStep.Facts(vols,
                new Mounts(List.of()), "UUID=abc / ext4 errors=remount-ro 0 1\n"));
        List<Action> actions = ((Check.Change) check).actions();
        assertThat(actions.get(0).describe()).isEqualTo("run: mkfs -t ext4 /dev/vg_db2/lv_backup");
        assertThat(actions).contains(new Action.WriteFile("/etc/fstab",
                "UUID=abc / ext4 errors=remount-ro 0 1\n/dev/vg_db2/lv_backup /backup ext4 defaults 0 2\n", 0644, false));
        assertThat(actions.get(actions.size() - 1).describe()).isEqualTo("run: mount /backup");
    }

    @Test
    void refusesLocalVolumeWithOtherFilesystem() {
        Map<String, Signatures> vols = new HashMap<>();
        vols.put("/dev/vg_db2/lv_backup", Signatures.parse(0, "TYPE=xfs\n", "{\"signatures\":[]}"));
        assertThatThrownBy(() -> FilesystemStep.decide(config, "sales-db1", new FilesystemStep.Facts(vols,
                new Mounts(List.of()), ""))).hasMessageContaining("xfs").hasMessageContaining("/dev/vg_db2/lv_backup")
                .satisfies(coded(ProblemCode.FILESYSTEM_FOREIGN));
    }

    @Test
    void mountedLocalVolumeIsSatisfied() throws StepException {
        Map<String, Signatures> vols = new HashMap<>();
        vols.put("/dev/vg_db2/lv_backup", Signatures.parse(0, "TYPE=ext4\n", "{\"signatures\":[]}"));
        Check check = FilesystemStep.decide(config, "sales-db1", new FilesystemStep.Facts(vols,
                new Mounts(List.of(new Mounts.Mount("/backup", "/dev/mapper/vg_db2-lv_backup", "ext4"))),
                "/dev/vg_db2/lv_backup /backup ext4 defaults 0 2\n"));
        assertThat(check).isInstanceOf(Check.Satisfied.class);
    }

    @Test
    void createsOnlyTheMissingVolumesInAnExistingGroup() throws StepException {
        LvmReport captured = LvmReport.parse(Fixtures.read("lvm-pvs-captured-vg.json"),
                Fixtures.read("lvm-vgs-captured-new.json"), Fixtures.read("lvm-lvs-captured-none.json"));
        Check.Change change = (Check.Change) LvmStep.decide(config, "sales-db1", new LvmStep.Facts(captured, Map.of()));
        assertThat(change.actions().stream().map(Action::describe)).allMatch(d -> d.startsWith("run: lvcreate "))
                .hasSize(3);
    }

    @Test
    void refusesToFormatAVolumeThatIsAPhysicalVolume() {
        Map<String, Signatures> vols = new HashMap<>();
        vols.put("/dev/vg_db2/lv_backup", sigs("blkid-lvm2.txt", "wipefs-lvm2.json"));
        assertThatThrownBy(() -> FilesystemStep.decide(config, "sales-db1", new FilesystemStep.Facts(vols,
                new Mounts(List.of()), ""))).hasMessageContaining("LVM2_member")
                .satisfies(coded(ProblemCode.FILESYSTEM_FOREIGN));
    }

    @Test
    void refusesAnExistingLogicalVolumeSmallerThanConfiguredAndNeverResizesIt() {
        // lv_backup is configured with 2048M; the node has it at 1 GiB.
        LvmReport small = LvmReport.parse(Fixtures.read("lvm-pvs-done.json"), Fixtures.read("lvm-vgs-done.json"),
                Fixtures.read("lvm-lvs-done.json").replace("\"2147483648\"", "\"1073741824\""));
        assertThatThrownBy(() -> LvmStep.decide(config, "sales-db1", new LvmStep.Facts(small, Map.of())))
                .hasMessageContaining("vg_db2/lv_backup is 1024 MiB").hasMessageContaining("not resized")
                .satisfies(coded(ProblemCode.LV_TOO_SMALL));
    }

    @Test
    void refusesNewLogicalVolumesThatDoNotFitTheGroupsFreeSpace() {
        LvmReport full = LvmReport.parse(Fixtures.read("lvm-pvs-captured-vg.json"),
                Fixtures.read("lvm-vgs-captured-new.json").replace("\"vg_free\":\"8585740288\"",
                        "\"vg_free\":\"1073741824\""), Fixtures.read("lvm-lvs-captured-none.json"));
        assertThatThrownBy(() -> LvmStep.decide(config, "sales-db1", new LvmStep.Facts(full, Map.of())))
                .hasMessageContaining("vg_db2 has 1024 MiB free").hasMessageContaining("nothing was changed")
                .satisfies(coded(ProblemCode.STORAGE_NO_SPACE));
    }

    @Test
    void refusesAMountPointThatFstabOrAMountGivesToAnotherDevice() {
        Map<String, Signatures> vols = new HashMap<>();
        vols.put("/dev/vg_db2/lv_backup", Signatures.parse(0, "TYPE=ext4\n", "{\"signatures\":[]}"));
        assertThatThrownBy(() -> FilesystemStep.decide(config, "sales-db1", new FilesystemStep.Facts(vols,
                new Mounts(List.of()), "/dev/vdc1 /backup ext4 defaults 0 2\n")))
                .hasMessageContaining("/etc/fstab mounts /dev/vdc1 on /backup")
                .satisfies(coded(ProblemCode.MOUNT_POINT_TAKEN));
        assertThatThrownBy(() -> FilesystemStep.decide(config, "sales-db1", new FilesystemStep.Facts(vols,
                new Mounts(List.of(new Mounts.Mount("/backup", "/dev/vdc1", "ext4"))),
                "/dev/vg_db2/lv_backup /backup ext4 defaults 0 2\n")))
                .hasMessageContaining("/dev/vdc1 is mounted on /backup").hasMessageContaining("umount /backup")
                .satisfies(coded(ProblemCode.MOUNT_POINT_TAKEN));
    }
}
