package org.hainstall.core.reconstruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hainstall.core.config.ClusterConfig.Disk;
import org.hainstall.core.config.ClusterConfig.Filesystem;
import org.hainstall.core.config.ClusterConfig.LogicalVolume;
import org.hainstall.core.config.ClusterConfig.Partition;
import org.hainstall.core.config.ClusterConfig.Storage;
import org.hainstall.core.config.ClusterConfig.VolumeGroup;
import org.hainstall.core.config.FilesystemType;
import org.hainstall.core.config.PartitionType;
import org.hainstall.core.storage.LvmReport;
import org.hainstall.core.storage.Mounts;
import org.hainstall.core.storage.PartitionTable;
import org.hainstall.core.storage.StorageLayout;

/** The config's storage section from a node's LVM report, partition tables and fstab. */
final class StorageReading {
    private final NodeFacts facts;
    private final Gaps gaps;

    StorageReading(NodeFacts facts, Gaps gaps) {
        this.facts = facts;
        this.gaps = gaps;
    }

    Storage storage() {
        LvmReport lvm = facts.get("pvs").isPresent() && facts.get("lvs").isPresent()
                ? LvmReport.parse(facts.get("pvs").get(), facts.get("vgs").orElse("{}"), facts.get("lvs").get())
                : LvmReport.empty();
        Mounts fstab = facts.get("fstab").map(Mounts::parse).orElse(new Mounts(List.of()));
        if (facts.get("pvs").isEmpty() || facts.get("lvs").isEmpty()) {
            gaps.missing("storage", facts.get("pvs").isEmpty() ? "pvs" : "lvs");
        }
        Map<String, List<Partition>> disks = new LinkedHashMap<>();
        for (LvmReport.Pv pv : lvm.pvs()) {
            StorageLayout.diskOf(pv.name()).ifPresent(disk -> disks.computeIfAbsent(disk, d -> partitions(d)));
        }
        List<Disk> diskList = disks.entrySet().stream().map(e -> new Disk(e.getKey(), e.getValue())).toList();

        Map<String, List<String>> pvsByVg = new LinkedHashMap<>();
        lvm.pvs().stream().filter(pv -> pv.vg() != null)
                .forEach(pv -> pvsByVg.computeIfAbsent(pv.vg(), k -> new ArrayList<>()).add(pv.name()));
        List<VolumeGroup> vgs = new ArrayList<>();
        for (Map.Entry<String, List<String>> vg : pvsByVg.entrySet()) {
            List<LogicalVolume> lvList = lvm.lvs().stream().filter(lv -> lv.vg().equals(vg.getKey()))
                    .map(lv -> new LogicalVolume(lv.name(), SizeText.of(lv.size()),
                            localFilesystem(fstab, vg.getKey(), lv.name())))
                    .toList();
            vgs.add(new VolumeGroup(vg.getKey(), vg.getValue(), lvList));
        }
        return new Storage(diskList, vgs);
    }

    private List<Partition> partitions(String disk) {
        Optional<String> json = facts.get("sfdisk:" + disk);
        if (json.isEmpty()) {
            gaps.missing("storage.disks: " + disk, "sfdisk:" + disk);
            return List.of();
        }
        PartitionTable table;
        try {
            table = PartitionTable.parse(json.get());
        } catch (IllegalArgumentException e) {
            gaps.note("storage.disks: " + disk + ": " + e.getMessage());
            return List.of();
        }
        List<Partition> out = new ArrayList<>();
        for (PartitionTable.Part p : table.partitions()) {
            // The last partition that reaches the end of the usable area (within 1 MiB of alignment) is "rest".
            boolean rest = table.lastLba() - p.end() < (1L << 20) / table.sectorSize();
            String size = rest ? "rest" : SizeText.of(p.size() * table.sectorSize());
            out.add(new Partition(p.number(table.device()), size, p.isLvm() ? PartitionType.LVM : PartitionType.LINUX));
        }
        return out;
    }

    private Filesystem localFilesystem(Mounts fstab, String vg, String lv) {
        String dev = StorageLayout.lvPath(vg, lv);
        String mapper = StorageLayout.mapperPath(vg, lv);
        return fstab.mounts().stream().filter(m -> dev.equals(m.source()) || mapper.equals(m.source()))
                .findFirst().map(m -> new Filesystem(gaps.word(FilesystemType.class, "storage.volumeGroups: " + vg + "/"
                        + lv + ": filesystem.type", m.fstype()), m.target())).orElse(null);
    }
}
