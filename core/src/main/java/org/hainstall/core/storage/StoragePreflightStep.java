package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.config.Sizes;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.Part;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;

/**
 * FAULT 6: partitions larger than their disk, or logical volumes larger than their volume group, are known only
 * on the node — this step finds them before any disk is touched, and never changes anything.
 */
public final class StoragePreflightStep extends FactStep<StoragePreflightStep.Facts> {
    /** GPT: the first MiB (alignment) and the backup table at the end. */
    static final long GPT_OVERHEAD = 2 * StorageLayout.MIB;
    /** LVM's metadata area at the start of each PV (the default, rounded up to an extent). */
    static final long PV_OVERHEAD = StorageLayout.MIB;
    static final long EXTENT = 4 * StorageLayout.MIB;

    /** Disk sizes in bytes (absent: device missing), and what LVM already has. */
    public record Facts(Map<String, Long> diskBytes, LvmReport lvm) {
        public Facts {
            diskBytes = Map.copyOf(diskBytes);
        }
    }

    private final ClusterConfig config;

    public StoragePreflightStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.STORAGE_PREFLIGHT, node, "Storage sizes", Set.of(StepNames.PACKAGES), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(StorageProbe.lvmFacts());
        config.storage().disks().forEach(d -> out.add(StorageProbe.lsblk(d.device())));
        return out;
    }

    /** It never changes anything. */
    @Override
    public Set<Part> touches() {
        return EnumSet.noneOf(Part.class);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (ClusterConfig.Disk disk : config.storage().disks()) {
            Long size = StorageProbe.diskBytes(node, disk.device());
            if (size != null) {
                sizes.put(disk.device(), size);
            }
        }
        return new Facts(sizes, StorageProbe.lvm(node));
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.STORAGE_PREFLIGHT, node);
        List<String> problems = new ArrayList<>();
        Map<String, Long> partitionBytes = new LinkedHashMap<>();
        for (ClusterConfig.Disk disk : config.storage().disks()) {
            Long size = facts.diskBytes().get(disk.device());
            if (size == null) {
                problems.add("disk " + disk.device() + " does not exist");
                continue;
            }
            long fixed = 0;
            String rest = null;
            for (ClusterConfig.Partition p : disk.partitions()) {
                String dev = StorageLayout.partitionDevice(disk.device(), p.number());
                if (Sizes.isRest(p.size())) {
                    rest = dev;
                } else {
                    long b = Sizes.toMiB(p.size()).orElse(0) * StorageLayout.MIB;
                    fixed += b;
                    partitionBytes.put(dev, b);
                }
            }
            if (fixed + GPT_OVERHEAD > size) {
                problems.add("partitions of " + disk.device() + " need " + mib(fixed + GPT_OVERHEAD)
                        + " but the disk has " + mib(size));
            } else if (rest != null) {
                partitionBytes.put(rest, size - fixed - GPT_OVERHEAD);
            }
        }
        for (ClusterConfig.VolumeGroup vg : config.storage().volumeGroups()) {
            long capacity;
            var existing = facts.lvm().vg(vg.name());
            if (existing.isPresent()) {
                capacity = existing.get().size();
            } else {
                capacity = 0;
                for (String pv : vg.physicalVolumes()) {
                    var known = facts.lvm().pv(pv);
                    Long b = known.isPresent() ? Long.valueOf(known.get().size()) : partitionBytes.get(pv);
                    if (b == null) {
                        capacity = -1; // unknown: the disks section does not create it; LVM will tell
                        break;
                    }
                    capacity += Math.max(0, (b - PV_OVERHEAD) / EXTENT * EXTENT);
                }
            }
            if (capacity < 0) {
                continue;
            }
            long wanted = 0;
            for (ClusterConfig.LogicalVolume lv : vg.logicalVolumes()) {
                long b = Sizes.toMiB(lv.size()).orElse(0) * StorageLayout.MIB;
                wanted += (b + EXTENT - 1) / EXTENT * EXTENT;
            }
            if (wanted > capacity) {
                problems.add("logical volumes of " + vg.name() + " need " + mib(wanted) + " but the volume group"
                        + " has " + mib(capacity));
            }
        }
        if (!problems.isEmpty()) {
            throw new StepException(id, ProblemCode.STORAGE_NO_SPACE, "on " + node + ": the storage layout does"
                    + " not fit, nothing was changed: " + String.join("; ", problems), "make the partitions or"
                    + " logical volumes smaller in the config (storage), or give the node a larger disk");
        }
        return Check.satisfied("the configured partitions and volumes fit");
    }

    /** Whole MiB; below one MiB in KiB, so a small home does not read "needs 0 MiB, 0 MiB free" (seen in the lab). */
    public static String mib(long bytes) {
        if (bytes < StorageLayout.MIB) {
            return ((bytes + 1023) / 1024) + " KiB";
        }
        return (bytes / StorageLayout.MIB) + " MiB";
    }
}
