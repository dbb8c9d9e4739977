package org.hainstall.core.storage;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
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
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;

/**
 * Local filesystems on logical volumes that have one in the config (not replicated): mkfs only after blkid and
 * wipefs prove the volume blank, an /etc/fstab entry, mounted.
 */
public final class FilesystemStep extends FactStep<FilesystemStep.Facts> {
    static final String FSTAB = "/etc/fstab";

    /** Signatures per LV path (null: the LV does not exist), the mounts, and /etc/fstab as it is. */
    public record Facts(Map<String, Signatures> volumes, Mounts mounts, String fstab) {
        public Facts {
            volumes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
        }
    }

    private final ClusterConfig config;

    public FilesystemStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.FILESYSTEMS, node, "Local filesystems", Set.of(StepNames.LVM), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(List.of(StorageProbe.FINDMNT, StorageProbe.FSTAB));
        localVolumes().forEach(dev -> out.addAll(StorageProbe.volumeFacts(dev)));
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.STORAGE);
    }

    /** The logical volumes that carry a local filesystem. */
    private List<String> localVolumes() {
        List<String> out = new ArrayList<>();
        for (ClusterConfig.VolumeGroup vg : config.storage().volumeGroups()) {
            for (ClusterConfig.LogicalVolume lv : vg.logicalVolumes()) {
                if (lv.filesystem() != null) {
                    out.add(StorageLayout.lvPath(vg.name(), lv.name()));
                }
            }
        }
        return out;
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        Map<String, Signatures> vols = new LinkedHashMap<>();
        for (String dev : localVolumes()) {
            vols.put(dev, StorageProbe.volume(node, dev));
        }
        String fstab = node.file(StorageProbe.FSTAB).content();
        return new Facts(vols, StorageProbe.mounts(node), fstab == null ? "" : fstab);
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.FILESYSTEMS, node);
        List<Action> actions = new ArrayList<>();
        List<Action> mounts = new ArrayList<>();
        List<String> what = new ArrayList<>();
        StringBuilder fstab = new StringBuilder(facts.fstab());
        boolean fstabChanged = false;
        for (ClusterConfig.VolumeGroup vg : config.storage().volumeGroups()) {
            for (ClusterConfig.LogicalVolume lv : vg.logicalVolumes()) {
                ClusterConfig.Filesystem fs = lv.filesystem();
                if (fs == null) {
                    continue;
                }
                String dev = StorageLayout.lvPath(vg.name(), lv.name());
                String mapper = StorageLayout.mapperPath(vg.name(), lv.name());
                Signatures sigs = facts.volumes().get(dev);
                // a volume the lvm step has yet to create is blank by definition; mkfs on a missing device just fails
                if (sigs == null || sigs.isBlank()) {
                    actions.add(new Action.Run(Command.of("mkfs", "-t", fs.type().configValue(), dev)));
                    what.add("mkfs." + fs.type().configValue() + " " + dev);
                } else if (!fs.type().configValue().equals(sigs.type())) {
                    throw new StepException(id, ProblemCode.FILESYSTEM_FOREIGN, "on " + node + ": " + dev + " holds "
                            + sigs.describe() + ", not the configured " + fs.type().configValue()
                            + "; refusing to format it — the volume is unchanged",
                            Signatures.wipeOr(dev, "set the filesystem type the volume has in the config"));
                }
                String entry = fstabEntry(facts.fstab(), fs.mountPoint());
                if (entry == null) {
                    if (fstab.length() > 0 && fstab.charAt(fstab.length() - 1) != '\n') {
                        fstab.append('\n');
                    }
                    fstab.append(dev).append(' ').append(fs.mountPoint()).append(' ').append(fs.type().configValue())
                            .append(" defaults 0 2\n");
                    fstabChanged = true;
                    what.add("fstab entry for " + fs.mountPoint());
                } else if (!entry.equals(dev) && !entry.equals(mapper)) {
                    throw new StepException(id, ProblemCode.MOUNT_POINT_TAKEN, "on " + node + ": /etc/fstab mounts "
                            + entry + " on " + fs.mountPoint() + ", not " + dev + "; refusing to change it",
                            "remove or correct that line of /etc/fstab on " + node + ", or choose another mount"
                                    + " point in the config");
                }
                var mounted = facts.mounts().at(fs.mountPoint());
                if (mounted.isEmpty()) {
                    mounts.add(new Action.Run(Command.of("mkdir", "-p", fs.mountPoint())));
                    mounts.add(new Action.Run(Command.of("mount", fs.mountPoint())));
                    what.add("mount " + fs.mountPoint());
                } else if (!mapper.equals(mounted.get().source()) && !dev.equals(mounted.get().source())) {
                    throw new StepException(id, ProblemCode.MOUNT_POINT_TAKEN, "on " + node + ": "
                            + mounted.get().source() + " is mounted on " + fs.mountPoint() + ", not " + dev,
                            "unmount it (umount " + fs.mountPoint() + ") once nothing uses it, or choose another"
                                    + " mount point in the config");
                }
            }
        }
        if (fstabChanged) {
            actions.add(new Action.WriteFile(FSTAB, fstab.toString(), 0644, false));
            actions.add(new Action.Run(Command.of("systemctl", "daemon-reload")));
        }
        actions.addAll(mounts);
        if (actions.isEmpty()) {
            return Check.satisfied("local filesystems formatted, in /etc/fstab and mounted");
        }
        return Check.change(String.join(", ", what), actions);
    }

    /** The device /etc/fstab mounts on {@code mountPoint}, or null. */
    static String fstabEntry(String fstab, String mountPoint) {
        for (String line : fstab.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length >= 2 && f[1].equals(mountPoint)) {
                return f[0];
            }
        }
        return null;
    }
}
