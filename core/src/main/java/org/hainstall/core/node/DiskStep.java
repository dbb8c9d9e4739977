package org.hainstall.core.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.Sizes;
import org.hainstall.core.node.facts.BlockDevices;
import org.hainstall.core.node.facts.PartitionTable;
import org.hainstall.core.node.facts.Signatures;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;

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

    public DiskStep(ClusterConfig config, String node) {
        super(StepNames.DISKS, node, "Partitions", Set.of(StepNames.PACKAGES, StepNames.STORAGE_PREFLIGHT));
        this.config = config;
    }

    @Override
    protected Facts read(StepContext ctx, Remote node) throws StepException {
        List<DiskFacts> out = new ArrayList<>();
        for (ClusterConfig.Disk disk : config.storage().disks()) {
            out.add(readDisk(node, disk.device()));
        }
        return new Facts(out);
    }

    static DiskFacts readDisk(Remote node, String device) throws StepException {
        CommandResult ls = node.probe(Command.of("lsblk", "--json", "-b", "-o",
                "NAME,PATH,TYPE,SIZE,FSTYPE,MOUNTPOINT,PKNAME", device));
        if (!ls.ok()) {
            return new DiskFacts(device, null, Signatures.blank(), null);
        }
        BlockDevices.BlockDevice dev = BlockDevices.parse(ls.stdout()).find(device).orElse(null);
        Signatures sigs = signatures(node, device);
        PartitionTable table = null;
        if (sigs.partitionTable() != null) {
            table = PartitionTable.parse(node.read(Command.of("sfdisk", "--json", device)));
        }
        return new DiskFacts(device, dev, sigs, table);
    }

    static Signatures signatures(Remote node, String device) throws StepException {
        CommandResult blkid = node.probe(Command.of("blkid", "-p", "-o", "export", device));
        String wipefs = node.read(Command.of("wipefs", "--no-act", "--json", device));
        return Signatures.parse(blkid.exitCode(), blkid.stdout(), wipefs);
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
                        where + " does not exist");
            }
            if (matches(disk, f.table())) {
                done.add(disk.device());
                continue;
            }
            boolean nothingStacked = f.lsblk().children().isEmpty() && f.lsblk().mountpoint() == null;
            if (!f.signatures().isBlank() || !nothingStacked) {
                throw new StepException(org.hainstall.core.plan.StepId.onNode(StepNames.DISKS, node),
                        where + " holds " + found(f) + ", which the config does not describe; refusing to"
                                + " partition it — the disk is unchanged");
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
            if (have.isEmpty() || !StorageLayout.gptType(p.type()).equalsIgnoreCase(have.get().type())) {
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
