package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;

/**
 * Partitions the data disks (GPT, by an sfdisk script) — only a disk that is blank (no signature by blkid -p or
 * wipefs, nothing stacked on it in lsblk), or one already partitioned as the config says. Anything else is
 * refused, naming node, device and what was found; the disk stays as it was.
 */
public final class DiskStep extends FactStep<DiskStep.Facts> {
    static final String WORK_DIR = "/run/hainstall";

    /** One disk as the node sees it; {@code lsblk} null when the device does not exist. */
    public record DiskFacts(String device, BlockDevices.BlockDevice lsblk, Signatures signatures,
                            PartitionTable table) { }

    public record Facts(List<DiskFacts> disks) {
        public Facts {
            disks = List.copyOf(disks);
        }
    }

    private final ClusterConfig config;

    public DiskStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DISKS, node, "Partitions", Set.of(StepNames.PACKAGES, StepNames.STORAGE_PREFLIGHT), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>();
        config.storage().disks().forEach(d -> out.addAll(StorageProbe.diskFacts(d.device())));
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.STORAGE);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        List<DiskFacts> out = new ArrayList<>();
        for (ClusterConfig.Disk disk : config.storage().disks()) {
            out.add(StorageProbe.disk(node, disk.device()));
        }
        return new Facts(out);
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        List<Action> actions = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>();
        for (ClusterConfig.Disk disk : config.storage().disks()) {
            DiskFacts f = facts.disks().stream().filter(d -> d.device().equals(disk.device())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no facts for " + disk.device()));
            String where = "on " + node + ": disk " + disk.device();
            if (f.lsblk() == null) {
                throw new StepException(org.hainstall.core.plan.StepId.onNode(StepNames.DISKS, node),
                        ProblemCode.DEVICE_MISSING, where + " does not exist", "attach the disk, or correct its"
                                + " device in storage.disks (lsblk on the node lists the disks it has)");
            }
            if (matches(disk, f.table())) {
                done.add(disk.device());
                continue;
            }
            boolean nothingStacked = f.lsblk().children().isEmpty() && f.lsblk().mountpoint() == null;
            if (!f.signatures().isBlank() || !nothingStacked) {
                throw new StepException(org.hainstall.core.plan.StepId.onNode(StepNames.DISKS, node),
                        ProblemCode.DISK_FOREIGN, where + " holds " + found(f) + ", which the config does not"
                                + " describe; refusing to partition it — the disk is unchanged",
                        Signatures.wipeOr(disk.device(), "describe its partitions in storage.disks, or name another"
                                + " disk"));
            }
            String script = WORK_DIR + "/sfdisk-" + f.lsblk().name() + ".txt";
            actions.add(new Action.Run(Command.of("mkdir", "-p", "-m", "0700", WORK_DIR)));
            actions.add(new Action.WriteFile(script, StorageLayout.sfdiskScript(disk), 0600, false));
            actions.add(new Action.Run(Command.of("sh", "-c", "sfdisk --wipe never -- \"$1\" < \"$2\"", "sh",
                    disk.device(), script)));
            actions.add(new Action.Run(Command.of("udevadm", "settle")));
            todo.add(disk.device());
        }
        if (actions.isEmpty()) {
            return Check.satisfied("partitioned as configured: " + String.join(", ", done));
        }
        return Check.change("partition blank disk " + String.join(", ", todo) + " (GPT)", actions);
    }

    /** What a refusal reports: signatures, partitions, stacked devices and mount points. */
    static String found(DiskFacts f) {
        List<String> what = new ArrayList<>();
        if (!f.signatures().isBlank()) {
            what.add(f.signatures().describe());
        }
        if (f.table() != null) {
            what.add(f.table().partitions().size() + " partition(s) not as configured");
        }
        for (BlockDevices.BlockDevice d : f.lsblk().flatten()) {
            if (d != f.lsblk()) {
                what.add(d.type() + " " + d.path() + (d.fstype() == null ? "" : " (" + d.fstype() + ")"));
            }
            if (d.mountpoint() != null) {
                what.add(d.path() + " mounted on " + d.mountpoint());
            }
        }
        return String.join(", ", what);
    }

    /** The disk's GPT has exactly the configured partitions: numbers, types and sizes ("rest" up to the end). */
    static boolean matches(ClusterConfig.Disk disk, PartitionTable table) {
        if (table == null || !"gpt".equals(table.label())) {
            return false;
        }
        List<ClusterConfig.Partition> wanted = StorageLayout.sorted(disk);
        if (wanted.size() != table.partitions().size()) {
            return false;
        }
        for (ClusterConfig.Partition p : wanted) {
            String dev = StorageLayout.partitionDevice(disk.device(), p.number());
            Optional<PartitionTable.Part> have = table.partitions().stream()
                    .filter(x -> dev.equals(x.node())).findFirst();
            if (have.isEmpty() || !StorageLayout.gptType(p).equalsIgnoreCase(have.get().type())) {
                return false;
            }
            if (Sizes.isRest(p.size())) {
                // sfdisk aligns the end to 1 MiB, so "rest" ends within one MiB of the last usable sector
                long slack = StorageLayout.MIB / table.sectorSize();
                if (have.get().end() < table.lastLba() - slack) {
                    return false;
                }
            } else if (have.get().size() * table.sectorSize()
                    != Sizes.toMiB(p.size()).orElse(-1) * StorageLayout.MIB) {
                return false;
            }
        }
        return true;
    }
}
