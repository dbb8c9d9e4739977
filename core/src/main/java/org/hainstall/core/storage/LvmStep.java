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
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;

/**
 * Physical volumes (pvcreate only on a blank partition), volume groups and logical volumes. Existing ones that
 * match are kept; a PV in another VG, a partition with a signature, or an LV smaller than configured is refused.
 */
public final class LvmStep extends FactStep<LvmStep.Facts> {

    /** Per configured PV device: its signatures, or null when the device does not exist. */
    public record Facts(LvmReport lvm, Map<String, Signatures> devices) {
        public Facts {
            devices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(devices));
        }
    }

    private final ClusterConfig config;

    public LvmStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.LVM, node, "Volume groups and logical volumes", Set.of(StepNames.DISKS), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(StorageProbe.lvmFacts());
        for (ClusterConfig.VolumeGroup vg : config.storage().volumeGroups()) {
            vg.physicalVolumes().forEach(pv -> out.addAll(StorageProbe.volumeFacts(pv)));
        }
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.STORAGE);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        LvmReport lvm = StorageProbe.lvm(node);
        Map<String, Signatures> devices = new LinkedHashMap<>();
        for (ClusterConfig.VolumeGroup vg : config.storage().volumeGroups()) {
            for (String pv : vg.physicalVolumes()) {
                if (lvm.pv(pv).isEmpty()) {
                    devices.put(pv, StorageProbe.volume(node, pv));
                }
            }
        }
        return new Facts(lvm, devices);
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.LVM, node);
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (ClusterConfig.VolumeGroup vg : config.storage().volumeGroups()) {
            List<String> toAdd = new ArrayList<>();
            for (String pv : vg.physicalVolumes()) {
                var known = facts.lvm().pv(pv);
                if (known.isPresent()) {
                    String owner = known.get().vg();
                    if (owner != null && !owner.equals(vg.name())) {
                        throw new StepException(id, ProblemCode.PV_FOREIGN, "on " + node + ": " + pv + " is a"
                                + " physical volume of volume group " + owner + ", not " + vg.name()
                                + "; refusing to touch it", "if volume group " + owner + " is not needed, take " + pv
                                + " out of it (vgreduce " + owner + " " + pv + ", or vgremove " + owner + ") and run"
                                + " again; otherwise name another device in the config");
                    }
                    if (owner == null) {
                        toAdd.add(pv);
                    }
                    continue;
                }
                Signatures sigs = facts.devices().get(pv);
                if (sigs == null && !StorageLayout.isConfiguredPartition(config, pv)) {
                    throw new StepException(id, ProblemCode.DEVICE_MISSING, "on " + node + ": " + pv
                            + " does not exist", "check the device's name on the node (lsblk) and correct the"
                            + " physical volume in storage.volumeGroups, or declare it as a partition under"
                            + " storage.disks");
                }
                if (sigs != null && !sigs.isBlank()) {
                    throw new StepException(id, ProblemCode.PV_FOREIGN, "on " + node + ": " + pv + " holds "
                            + sigs.describe() + "; refusing to make it a physical volume — the device is unchanged",
                            Signatures.wipeOr(pv, "name another device in the config"));
                }
                actions.add(new Action.Run(Command.of("pvcreate", pv)));
                what.add("pvcreate " + pv);
                toAdd.add(pv);
            }
            var existing = facts.lvm().vg(vg.name());
            if (existing.isEmpty()) {
                List<String> argv = new ArrayList<>(List.of("vgcreate", vg.name()));
                argv.addAll(vg.physicalVolumes());
                actions.add(new Action.Run(Command.of(argv)));
                what.add("vgcreate " + vg.name());
            } else if (!toAdd.isEmpty()) {
                List<String> argv = new ArrayList<>(List.of("vgextend", vg.name()));
                argv.addAll(toAdd);
                actions.add(new Action.Run(Command.of(argv)));
                what.add("vgextend " + vg.name());
            }
            long newBytes = 0;
            for (ClusterConfig.LogicalVolume lv : vg.logicalVolumes()) {
                long mib = Sizes.toMiB(lv.size()).orElse(0);
                var have = facts.lvm().lv(vg.name(), lv.name());
                if (have.isPresent()) {
                    if (have.get().size() < mib * StorageLayout.MIB) {
                        throw new StepException(id, ProblemCode.LV_TOO_SMALL, "on " + node + ": logical volume "
                                + vg.name() + "/" + lv.name() + " is " + StoragePreflightStep.mib(have.get().size())
                                + ", smaller than the configured " + lv.size() + "; it is not resized automatically",
                                "grow it by hand (lvextend -r -L " + lv.size() + " " + vg.name() + "/" + lv.name()
                                        + ", which grows its filesystem too), or set the size it has in the config");
                    }
                    continue;
                }
                newBytes += mib * StorageLayout.MIB;
                // --wipesignatures: the new LV's extents are free VG space, never anyone's data; stale
                // signatures there would otherwise make the later blank checks refuse forever.
                actions.add(new Action.Run(Command.of("lvcreate", "--yes", "--wipesignatures", "y", "-L",
                        mib + "m", "-n", lv.name(), vg.name())));
                what.add("lvcreate " + vg.name() + "/" + lv.name() + " " + lv.size());
            }
            if (existing.isPresent() && toAdd.isEmpty() && newBytes > existing.get().free()) {
                throw new StepException(id, ProblemCode.STORAGE_NO_SPACE, "on " + node + ": volume group "
                        + vg.name() + " has " + StoragePreflightStep.mib(existing.get().free()) + " free but the new"
                        + " logical volumes need " + StoragePreflightStep.mib(newBytes) + "; nothing was changed",
                        "make the new logical volumes smaller in the config, or give " + vg.name() + " another"
                                + " physical volume (storage.volumeGroups[].physicalVolumes)");
            }
        }
        if (actions.isEmpty()) {
            return Check.satisfied("volume groups and logical volumes as configured");
        }
        return Check.change(String.join(", ", what), actions);
    }
}
