package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Disks, partitions, PVs, VGs and LVs, read from the JSON reports of sfdisk and LVM. */
public final class StorageFacts {
    /** GPT type GUID of "Linux LVM" (sfdisk prints it as the partition type). */
    static final String GPT_LINUX_LVM = "E6D6D379-F507-44C2-A23C-238F2A3DF928";
    /** MBR type of "Linux LVM". */
    static final String MBR_LINUX_LVM = "8e";

    private StorageFacts() {
    }

    public record Partition(String node, int number, long startSector, long sizeSectors, String type) {
        public boolean isLvm() {
            return GPT_LINUX_LVM.equalsIgnoreCase(type) || MBR_LINUX_LVM.equalsIgnoreCase(type);
        }
    }

    public record PartitionTable(String device, String label, long lastLba, int sectorSize, List<Partition> partitions) { }

    public record PhysicalVolume(String name, String vgName) { }

    public record VolumeGroup(String name, long sizeBytes, long freeBytes) { }

    public record LogicalVolume(String vgName, String name, long sizeBytes) { }

    public record Mount(String target, String source, String fstype) { }

    /** {@code sfdisk --json DEVICE}. */
    public static PartitionTable partitionTable(String json) {
        JsonNode t = read(json).path("partitiontable");
        List<Partition> parts = new ArrayList<>();
        String device = t.path("device").asString("");
        for (JsonNode p : t.path("partitions")) {
            String node = p.path("node").asString("");
            parts.add(new Partition(node, partitionNumber(device, node), p.path("start").asLong(),
                    p.path("size").asLong(), p.path("type").asString("")));
        }
        return new PartitionTable(device, t.path("label").asString(""), t.path("lastlba").asLong(),
                t.path("sectorsize").asInt(512), List.copyOf(parts));
    }

    /** {@code pvs --reportformat json -o pv_name,vg_name}. */
    public static List<PhysicalVolume> physicalVolumes(String json) {
        List<PhysicalVolume> out = new ArrayList<>();
        for (JsonNode pv : report(json, "pv")) {
            out.add(new PhysicalVolume(pv.path("pv_name").asString(""), pv.path("vg_name").asString("")));
        }
        return List.copyOf(out);
    }

    /** {@code vgs --reportformat json --units b --nosuffix -o vg_name,vg_size,vg_free}. */
    public static List<VolumeGroup> volumeGroups(String json) {
        List<VolumeGroup> out = new ArrayList<>();
        for (JsonNode vg : report(json, "vg")) {
            out.add(new VolumeGroup(vg.path("vg_name").asString(""), bytes(vg.path("vg_size")),
                    bytes(vg.path("vg_free"))));
        }
        return List.copyOf(out);
    }

    /** {@code lvs --reportformat json --units b --nosuffix -o vg_name,lv_name,lv_size}. */
    public static List<LogicalVolume> logicalVolumes(String json) {
        List<LogicalVolume> out = new ArrayList<>();
        for (JsonNode lv : report(json, "lv")) {
            out.add(new LogicalVolume(lv.path("vg_name").asString(""), lv.path("lv_name").asString(""),
                    bytes(lv.path("lv_size"))));
        }
        return List.copyOf(out);
    }

    /** {@code findmnt --fstab --evaluate --json -o TARGET,SOURCE,FSTYPE}. */
    public static List<Mount> fstab(String json) {
        List<Mount> out = new ArrayList<>();
        for (JsonNode fs : read(json).path("filesystems")) {
            out.add(new Mount(fs.path("target").asString(""), fs.path("source").asString(""),
                    fs.path("fstype").asString("")));
        }
        return List.copyOf(out);
    }

    /** The disk a partition lies on: /dev/vdb1 → /dev/vdb, /dev/nvme0n1p2 → /dev/nvme0n1. */
    public static Optional<String> diskOf(String partition) {
        if (partition.matches(".*\\d+p\\d+")) {
            return Optional.of(partition.replaceAll("p\\d+$", ""));
        }
        if (partition.matches(".*[a-z]\\d+")) {
            return Optional.of(partition.replaceAll("\\d+$", ""));
        }
        return Optional.empty();
    }

    private static int partitionNumber(String device, String node) {
        String digits = node.substring(Math.min(device.length(), node.length())).replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static long bytes(JsonNode n) {
        String s = n.asString("0").replaceAll("[^0-9]", "");
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }

    private static Iterable<JsonNode> report(String json, String kind) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode r : read(json).path("report")) {
            for (JsonNode row : r.path(kind)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static JsonNode read(String json) {
        return JsonMapper.shared().readTree(json);
    }
}
