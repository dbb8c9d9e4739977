package org.hainstall.core.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Disks and partitions, volume groups and their physical volumes, logical volumes and whether they fit. */
final class StorageRules implements Rule {
    static final int MAX_PARTITION = 128;
    /** LVM's defaults: the PV's metadata area before the first extent, and the extent size. */
    private static final long PV_METADATA = 1L << 20;
    private static final long EXTENT = 4L << 20;

    @Override
    public void check(ClusterConfig c, ProblemList p) {
        if (!p.required("storage", c.storage())) {
            return;
        }
        Map<String, ClusterConfig.Partition> partitions = disks(c.storage(), p);
        volumeGroups(c.storage(), partitions, p);
    }

    /** Checks the disks; returns the declared partitions by device path (/dev/vdb1, /dev/nvme0n1p1). */
    private static Map<String, ClusterConfig.Partition> disks(ClusterConfig.Storage s, ProblemList p) {
        Map<String, ClusterConfig.Partition> declared = new HashMap<>();
        Set<String> devices = new HashSet<>();
        List<ClusterConfig.Disk> disks = Rule.each(s.disks());
        for (int i = 0; i < disks.size(); i++) {
            String path = Rule.at("storage.disks", i);
            ClusterConfig.Disk disk = disks.get(i);
            if (!p.required(path, disk)) {
                continue;
            }
            boolean deviceOk = false;
            if (p.required(path + ".device", disk.device())) {
                if (!Names.device(disk.device())) {
                    p.error(path + ".device", ProblemCode.DEVICE_INVALID, Quote.of(disk.device())
                            + " is not a whole-disk device path such as /dev/vdb.");
                } else if (!devices.add(disk.device())) {
                    p.error(path + ".device", ProblemCode.DEVICE_DUPLICATE, Quote.of(disk.device()) + " is listed twice.");
                } else {
                    deviceOk = true;
                }
            }
            List<ClusterConfig.Partition> parts = Rule.each(disk.partitions());
            Set<Integer> numbers = new HashSet<>();
            for (int j = 0; j < parts.size(); j++) {
                String pp = Rule.at(path + ".partitions", j);
                ClusterConfig.Partition part = parts.get(j);
                if (!p.required(pp, part)) {
                    continue;
                }
                if (p.required(pp + ".number", part.number())) {
                    if (part.number() < 1 || part.number() > MAX_PARTITION) {
                        p.error(pp + ".number", ProblemCode.PARTITION_NUMBER_INVALID,
                                "partition number " + part.number() + " is outside 1-" + MAX_PARTITION + ".");
                    } else if (!numbers.add(part.number())) {
                        p.error(pp + ".number", ProblemCode.PARTITION_NUMBER_DUPLICATE,
                                "partition number " + part.number() + " is used twice on this disk.");
                    } else if (deviceOk) {
                        declared.put(partitionDevice(disk.device(), part.number()), part);
                    }
                }
                if (p.required(pp + ".size", part.size())) {
                    if (Sizes.isRest(part.size())) {
                        if (j != parts.size() - 1) {
                            p.error(pp + ".size", ProblemCode.PARTITION_REST_NOT_LAST,
                                    "only the last partition of a disk can take the rest of it.");
                        }
                    } else {
                        size(p, pp + ".size", part.size(), false);
                    }
                }
                p.required(pp + ".type", part.type());
            }
        }
        return declared;
    }

    /** The kernel's partition naming: /dev/vdb + 1 = /dev/vdb1, /dev/nvme0n1 + 1 = /dev/nvme0n1p1. */
    static String partitionDevice(String disk, int number) {
        return disk + (Character.isDigit(disk.charAt(disk.length() - 1)) ? "p" : "") + number;
    }

    static boolean size(ProblemList p, String path, String size, boolean restAllowed) {
        if (restAllowed && Sizes.isRest(size)) {
            return true;
        }
        OptionalLong bytes = Sizes.toBytes(size);
        if (bytes.isEmpty() || bytes.getAsLong() == 0) {
            p.error(path, ProblemCode.SIZE_INVALID, Quote.of(size) + " is not a size such as 512M, 20G or 1T"
                    + (restAllowed ? ", nor 'rest'." : "."));
            return false;
        }
        return true;
    }

    private static void volumeGroups(ClusterConfig.Storage s, Map<String, ClusterConfig.Partition> declared, ProblemList p) {
        Set<String> vgNames = new HashSet<>();
        Map<String, String> pvOwners = new HashMap<>();
        List<ClusterConfig.VolumeGroup> vgs = Rule.each(s.volumeGroups());
        for (int i = 0; i < vgs.size(); i++) {
            String path = Rule.at("storage.volumeGroups", i);
            ClusterConfig.VolumeGroup vg = vgs.get(i);
            if (!p.required(path, vg)) {
                continue;
            }
            if (p.required(path + ".name", vg.name())) {
                if (!Names.lvm(vg.name())) {
                    p.error(path + ".name", ProblemCode.LVM_NAME_INVALID, lvmNameMessage(vg.name()));
                } else if (!vgNames.add(vg.name())) {
                    p.error(path + ".name", ProblemCode.LVM_NAME_DUPLICATE, "volume group " + Quote.of(vg.name()) + " is declared twice.");
                }
            }
            // Capacity is known offline only when every PV is a declared partition of fixed size.
            long capacity = 0;
            boolean capacityKnown = true;
            List<String> pvs = vg.physicalVolumes();
            if (p.required(path + ".physicalVolumes", pvs)) {
                for (int j = 0; j < pvs.size(); j++) {
                    String pp = Rule.at(path + ".physicalVolumes", j);
                    String pv = pvs.get(j);
                    if (!p.required(pp, pv)) {
                        capacityKnown = false;
                        continue;
                    }
                    ClusterConfig.Partition part = declared.get(pv);
                    if (part == null) {
                        p.error(pp, ProblemCode.PV_NOT_DECLARED, Quote.of(pv) + " is not a partition declared under storage.disks.");
                        capacityKnown = false;
                        continue;
                    }
                    if (part.type() != null && part.type() != PartitionType.LVM) {
                        p.error(pp, ProblemCode.PV_NOT_LVM_PARTITION, pv + " is declared with type "
                                + Quote.of(part.type().configValue()) + ", not " + PartitionType.LVM.configValue() + ".");
                    }
                    String owner = pvOwners.putIfAbsent(pv, pp);
                    if (owner != null) {
                        p.error(pp, ProblemCode.PV_DUPLICATE, Quote.of(pv) + " is already used by " + owner + ".");
                    }
                    OptionalLong bytes = Sizes.toBytes(part.size());
                    if (bytes.isPresent() && bytes.getAsLong() > PV_METADATA) {
                        capacity += (bytes.getAsLong() - PV_METADATA) / EXTENT * EXTENT;
                    } else {
                        capacityKnown = false;
                    }
                }
            } else {
                capacityKnown = false;
            }
            logicalVolumes(vg, path, capacityKnown ? capacity : -1, p);
        }
    }

    private static void logicalVolumes(ClusterConfig.VolumeGroup vg, String path, long capacity, ProblemList p) {
        Set<String> names = new HashSet<>();
        List<ClusterConfig.LogicalVolume> lvs = Rule.each(vg.logicalVolumes());
        long used = 0;
        String restPath = null;
        for (int j = 0; j < lvs.size(); j++) {
            String lp = Rule.at(path + ".logicalVolumes", j);
            ClusterConfig.LogicalVolume lv = lvs.get(j);
            if (!p.required(lp, lv)) {
                continue;
            }
            if (p.required(lp + ".name", lv.name())) {
                if (!Names.lvm(lv.name())) {
                    p.error(lp + ".name", ProblemCode.LVM_NAME_INVALID, lvmNameMessage(lv.name()));
                } else if (!names.add(lv.name())) {
                    p.error(lp + ".name", ProblemCode.LVM_NAME_DUPLICATE,
                            "logical volume " + Quote.of(lv.name()) + " is declared twice in this volume group.");
                }
            }
            if (!p.required(lp + ".size", lv.size()) || !size(p, lp + ".size", lv.size(), true)) {
                continue;
            }
            if (Sizes.isRest(lv.size())) {
                if (restPath != null) {
                    p.error(lp + ".size", ProblemCode.LV_REST_DUPLICATE,
                            "only one logical volume per volume group can take the rest; " + restPath + " already does.");
                }
                restPath = lp + ".size";
                continue;
            }
            long bytes = Sizes.toBytes(lv.size()).getAsLong();
            used += (bytes + EXTENT - 1) / EXTENT * EXTENT;
            if (capacity >= 0 && used > capacity) {
                p.error(lp + ".size", ProblemCode.LV_EXCEEDS_VG, "logical volume " + Quote.of(lv.name()) + " does not fit: the volume "
                        + "group holds " + (capacity >> 20) + " MiB and the volumes up to this one need " + (used >> 20) + " MiB.");
                capacity = Long.MAX_VALUE; // one report per volume group is enough
            }
        }
        if (restPath != null && capacity >= 0 && capacity != Long.MAX_VALUE && used >= capacity) {
            p.error(restPath, ProblemCode.LV_EXCEEDS_VG, "nothing is left for this volume: the others take all "
                    + (capacity >> 20) + " MiB of the volume group.");
        }
    }

    private static String lvmNameMessage(String name) {
        return Quote.of(name) + " is not a plain LVM name (letters, digits, '_', '.', '+' and '-'; no '..'; "
                + "not starting with '-', 'snapshot' or 'pvmove').";
    }
}
