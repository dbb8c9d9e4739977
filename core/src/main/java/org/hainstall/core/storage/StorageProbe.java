package org.hainstall.core.storage;

import java.util.List;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.Part;
import org.hainstall.core.node.Probe;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;

/**
 * Storage's part of a look at a node: block devices, what is written on them, the partition tables, LVM and the
 * mounts — each read with the tool's machine-readable output.
 */
public final class StorageProbe {
    private static final String[] LVM = {"--reportformat", "json", "--units", "b", "--nosuffix", "-o"};
    public static final Fact PVS = Fact.of(Part.STORAGE, "pvs", lvm("pvs", "pv_name,vg_name,pv_size"));
    public static final Fact VGS = Fact.of(Part.STORAGE, "vgs", lvm("vgs", "vg_name,vg_size,vg_free,vg_extent_size"));
    public static final Fact LVS = Fact.of(Part.STORAGE, "lvs", lvm("lvs", "lv_name,vg_name,lv_size"));
    public static final Fact FINDMNT = Fact.of(Part.STORAGE, "findmnt",
            Command.of("findmnt", "--json", "--list", "-o", "TARGET,SOURCE,FSTYPE"));
    public static final Fact FSTAB = Fact.file(Part.STORAGE, FilesystemStep.FSTAB);

    /** What reconstruct reads of storage: LVM, the filesystems /etc/fstab mounts, and each PV's disk. */
    public static final List<Fact> RECONSTRUCT = List.of(PVS, VGS, LVS, Fact.of(Part.STORAGE, "fstab",
            Command.of("findmnt", "--fstab", "--evaluate", "--json", "-o", "TARGET,SOURCE,FSTYPE")));
    /** "sfdisk:DISK" for each disk holding a physical volume. */
    public static final Probe.Fragment DISKS = Probe.Fragment.resource(StorageProbe.class, "disks.sh");

    private StorageProbe() {
    }

    private static Command lvm(String tool, String fields) {
        String[] argv = java.util.Arrays.copyOf(LVM, LVM.length + 1);
        argv[LVM.length] = fields;
        return Command.of(tool, argv);
    }

    public static Fact lsblk(String device) {
        return Fact.of(Part.STORAGE, "lsblk " + device, Command.of("lsblk", "--json", "-b", "-o",
                "NAME,PATH,TYPE,SIZE,FSTYPE,MOUNTPOINT,PKNAME", device));
    }

    public static Fact blkid(String device) {
        return Fact.of(Part.STORAGE, "blkid " + device, Command.of("blkid", "-p", "-o", "export", device));
    }

    public static Fact wipefs(String device) {
        return Fact.of(Part.STORAGE, "wipefs " + device, Command.of("wipefs", "--no-act", "--json", device));
    }

    public static Fact sfdisk(String device) {
        return Fact.of(Part.STORAGE, "sfdisk " + device, Command.of("sfdisk", "--json", device));
    }

    public static Fact block(String device) {
        return Fact.blockDevice(Part.STORAGE, device);
    }

    /** What {@link #disk} reads. */
    public static List<Fact> diskFacts(String device) {
        return List.of(lsblk(device), blkid(device), wipefs(device), sfdisk(device));
    }

    /** What {@link #volume} reads. */
    public static List<Fact> volumeFacts(String device) {
        return List.of(block(device), blkid(device), wipefs(device));
    }

    /** What {@link #signatures} reads. */
    public static List<Fact> signatureFacts(String device) {
        return List.of(blkid(device), wipefs(device));
    }

    public static List<Fact> lvmFacts() {
        return List.of(PVS, VGS, LVS);
    }

    /** A disk: lsblk's view (null when it does not exist), its signatures, its partition table if it has one. */
    public static DiskStep.DiskFacts disk(Look node, String device) throws StepException {
        CommandResult ls = node.result(lsblk(device));
        if (!ls.ok()) {
            return new DiskStep.DiskFacts(device, null, Signatures.blank(), null);
        }
        BlockDevices.BlockDevice dev = BlockDevices.parse(ls.stdout()).find(device).orElse(null);
        Signatures sigs = signatures(node, device);
        PartitionTable table = sigs.partitionTable() == null ? null : PartitionTable.parse(node.read(sfdisk(device)));
        return new DiskStep.DiskFacts(device, dev, sigs, table);
    }

    /** The disk's size in bytes, or null when it does not exist. */
    public static Long diskBytes(Look node, String device) throws StepException {
        CommandResult r = node.result(lsblk(device));
        return r.ok() ? BlockDevices.parse(r.stdout()).find(device).map(BlockDevices.BlockDevice::size).orElse(null)
                : null;
    }

    /** What blkid -p and wipefs find on a device. */
    public static Signatures signatures(Look node, String device) throws StepException {
        CommandResult blkid = node.result(blkid(device));
        return Signatures.parse(blkid.exitCode(), blkid.stdout(), node.read(wipefs(device)));
    }

    /** A device's signatures, or null when it is not a block device (not created yet). */
    public static Signatures volume(Look node, String device) throws StepException {
        return node.result(block(device)).ok() ? signatures(node, device) : null;
    }

    public static LvmReport lvm(Look node) throws StepException {
        return LvmReport.parse(node.read(PVS), node.read(VGS), node.read(LVS));
    }

    public static Mounts mounts(Look node) throws StepException {
        return Mounts.parse(node.read(FINDMNT));
    }
}
