package org.hainstall.core.drbd;

import java.util.EnumSet;
import java.util.HashSet;
import org.hainstall.core.node.Part;
import org.hainstall.core.os.OsProbe;
import org.hainstall.core.storage.StorageProbe;
import java.util.ArrayList;
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
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.hainstall.core.storage.Mounts;
import org.hainstall.core.storage.Signatures;

/**
 * Filesystems on the DRBD devices. Mount points exist on both nodes; on the active node (DRBD Primary) each
 * device gets its filesystem once blkid proves it blank, and — while Heartbeat does not manage them yet — is
 * mounted by hand so the DB2 steps can work on it. No /etc/fstab entry: Heartbeat mounts them.
 */
public final class DrbdFilesystemStep extends FactStep<DrbdFilesystemStep.Facts> {

    /**
     * @param devices            signatures of /dev/drbdN, read only on the active node (a Secondary cannot be opened)
     * @param existingMountPoints mount points that exist as directories
     */
    public record Facts(ProcDrbd drbd, Map<String, Signatures> devices, Set<String> existingMountPoints,
                        Mounts mounts, boolean heartbeatActive) {
        public Facts {
            devices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(devices));
            existingMountPoints = Set.copyOf(existingMountPoints);
        }
    }

    private final ClusterConfig config;

    public DrbdFilesystemStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DRBD_FILESYSTEMS, node, "Filesystems on DRBD", Set.of(StepNames.DRBD_INITIAL_PRIMARY),
                snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(List.of(DrbdProbe.PROC_DRBD, StorageProbe.FINDMNT, OsProbe.HEARTBEAT_ACTIVE));
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            // read on both nodes: on a Secondary blkid and wipefs simply cannot open the device
            out.addAll(StorageProbe.signatureFacts(DrbdFiles.device(r)));
            out.add(DrbdProbe.mountPoint(r));
        }
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DRBD, Part.STORAGE);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        ProcDrbd drbd = DrbdProbe.procDrbd(node);
        Roles.View view = Roles.view(config, node.node(), drbd);
        boolean active = view.role() == Roles.Role.ACTIVE && !view.predicted();
        Map<String, Signatures> devices = new LinkedHashMap<>();
        Set<String> dirs = new HashSet<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            if (active) {
                devices.put(r.name(), StorageProbe.signatures(node, DrbdFiles.device(r)));
            }
            if (node.result(DrbdProbe.mountPoint(r)).ok()) {
                dirs.add(r.filesystem().mountPoint());
            }
        }
        return new Facts(drbd, devices, dirs, StorageProbe.mounts(node),
                OsProbe.isActive(node, OsProbe.HEARTBEAT_ACTIVE));
    }

    @Override
    protected void beforeApply(Facts facts) throws StepException {
        if (Roles.view(config, id().node(), facts.drbd()).predicted()) {
            throw refuse(ProblemCode.DRBD_NOT_UP, "on " + id().node() + ": no DRBD resource is up; not formatting"
                    + " or mounting anything", Roles.NOT_UP_REMEDY);
        }
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.DRBD_FILESYSTEMS, node);
        Roles.View view = Roles.view(config, node, facts.drbd());
        Roles.Role role = view.role();
        if (role == Roles.Role.MIXED) {
            throw new StepException(id, ProblemCode.DRBD_ROLES_SPLIT, "on " + node + ": the DRBD resources are"
                    + " split between the nodes (" + Roles.describe(config, facts.drbd()) + "); Heartbeat must hold"
                    + " them all on one node", Roles.SPLIT_REMEDY);
        }
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            String mp = r.filesystem().mountPoint();
            if (!facts.existingMountPoints().contains(mp)) {
                actions.add(new Action.Run(Command.of("mkdir", "-p", mp)));
                what.add("mkdir " + mp);
            }
            if (role != Roles.Role.ACTIVE) {
                continue;
            }
            String dev = DrbdFiles.device(r);
            Signatures sigs = view.predicted() ? Signatures.blank() : facts.devices().get(r.name());
            if (sigs.isBlank()) {
                String type = r.filesystem().type().configValue();
                actions.add(new Action.Run(Command.of("mkfs", "-t", type, dev)));
                what.add("mkfs." + type + " " + dev);
            } else if (!r.filesystem().type().configValue().equals(sigs.type())) {
                throw new StepException(id, ProblemCode.FILESYSTEM_FOREIGN, "on " + node + ": " + dev
                        + " (resource " + r.name() + ") holds " + sigs.describe() + ", not the configured "
                        + r.filesystem().type().configValue() + "; refusing to format it — the device is unchanged",
                        Signatures.wipeOr(dev + " on " + node, "set the filesystem type it has in the config"));
            }
            var mounted = facts.mounts().at(mp);
            if (mounted.isPresent()) {
                if (!dev.equals(mounted.get().source())) {
                    throw new StepException(id, ProblemCode.MOUNT_POINT_TAKEN, "on " + node + ": "
                            + mounted.get().source() + " is mounted on " + mp + ", not " + dev, "unmount it (umount "
                            + mp + ") once nothing uses it, or choose another mount point in the config");
                }
            } else if (facts.heartbeatActive()) {
                throw new StepException(id, ProblemCode.DRBD_FILESYSTEM_NOT_MOUNTED, "on " + node + ": Heartbeat"
                        + " runs and this node holds the DRBD resources, but " + mp + " is not mounted",
                        "check Heartbeat's state (cl_status rscstatus) and its log (/var/log/syslog): Heartbeat"
                                + " mounts it; hainstall does not mount behind its back");
            } else {
                actions.add(new Action.Run(Command.of("mount", "-t", r.filesystem().type().configValue(), dev, mp)));
                what.add("mount " + dev + " on " + mp);
            }
        }
        if (actions.isEmpty()) {
            return Check.satisfied(role == Roles.Role.ACTIVE ? "DRBD filesystems in place and mounted"
                    : "mount points ready (standby)");
        }
        return Check.change(String.join(", ", what), actions);
    }
}
