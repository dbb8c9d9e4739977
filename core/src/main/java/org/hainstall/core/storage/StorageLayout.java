package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.config.Sizes;

/** What the config's storage section means on a node: partition device names, GPT type GUIDs, LV paths. */
public final class StorageLayout {
    public static final String GPT_LVM = "E6D6D379-F507-44C2-A23C-238F2A3DF928";
    public static final String GPT_LINUX = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";
    static final long MIB = 1L << 20;

    private StorageLayout() {
    }

    /** /dev/vdb + 1 → /dev/vdb1; /dev/nvme0n1 + 1 → /dev/nvme0n1p1 (the kernel's rule for names ending in a digit). */
    public static String partitionDevice(String disk, int number) {
        return disk + (Character.isDigit(disk.charAt(disk.length() - 1)) ? "p" : "") + number;
    }

    /** The disk a partition lies on: /dev/vdb1 → /dev/vdb, /dev/nvme0n1p2 → /dev/nvme0n1 (the inverse of the above). */
    public static Optional<String> diskOf(String partition) {
        if (partition.matches(".*\\d+p\\d+")) {
            return Optional.of(partition.replaceAll("p\\d+$", ""));
        }
        if (partition.matches(".*[a-z]\\d+")) {
            return Optional.of(partition.replaceAll("\\d+$", ""));
        }
        return Optional.empty();
    }

    /** The GPT type GUID for a partition: LVM's for an LVM PV, Linux data for anything else. */
    public static String gptType(ClusterConfig.Partition partition) {
        return partition.type() == PartitionType.LVM ? GPT_LVM : GPT_LINUX;
    }

    public static List<ClusterConfig.Partition> sorted(ClusterConfig.Disk disk) {
        List<ClusterConfig.Partition> parts = new ArrayList<>(disk.partitions());
        parts.sort(Comparator.comparing(ClusterConfig.Partition::number));
        return parts;
    }

    /** The sfdisk script that creates the disk's GPT and partitions ("rest" = the remaining space). */
    public static String sfdiskScript(ClusterConfig.Disk disk) {
        StringBuilder s = new StringBuilder("label: gpt\n");
        for (ClusterConfig.Partition p : sorted(disk)) {
            s.append(partitionDevice(disk.device(), p.number())).append(" : ");
            if (!Sizes.isRest(p.size())) {
                s.append("size=").append(Sizes.toMiB(p.size()).orElseThrow()).append("MiB, ");
            }
            s.append("type=").append(gptType(p)).append('\n');
        }
        return s.toString();
    }

    /** /dev/VG/LV. */
    public static String lvPath(String vg, String lv) {
        return "/dev/" + vg + "/" + lv;
    }

    /** The name device-mapper gives an LV, as findmnt shows it: dashes doubled. */
    public static String mapperPath(String vg, String lv) {
        return "/dev/mapper/" + vg.replace("-", "--") + "-" + lv.replace("-", "--");
    }

    public static ClusterConfig.VolumeGroup vgOfPartition(ClusterConfig config, String device) {
        for (ClusterConfig.VolumeGroup vg : config.storage().volumeGroups()) {
            if (vg.physicalVolumes().contains(device)) {
                return vg;
            }
        }
        return null;
    }

    /** Whether a device is one the config's disks section creates (so its absence before partitioning is expected). */
    public static boolean isConfiguredPartition(ClusterConfig config, String device) {
        for (ClusterConfig.Disk d : config.storage().disks()) {
            for (ClusterConfig.Partition p : d.partitions()) {
                if (partitionDevice(d.device(), p.number()).equals(device)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The configured size of a partition device in bytes, -1 for "rest" or unknown. */
    public static long configuredPartitionBytes(ClusterConfig config, String device) {
        for (ClusterConfig.Disk d : config.storage().disks()) {
            for (ClusterConfig.Partition p : d.partitions()) {
                if (partitionDevice(d.device(), p.number()).equals(device)) {
                    return Sizes.isRest(p.size()) ? -1 : Sizes.toMiB(p.size()).orElse(0) * MIB;
                }
            }
        }
        return -1;
    }
}
