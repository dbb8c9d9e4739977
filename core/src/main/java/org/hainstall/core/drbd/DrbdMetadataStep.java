package org.hainstall.core.drbd;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
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
import org.hainstall.core.storage.Signatures;

/**
 * DRBD metadata: {@code drbdadm create-md} only on a backing volume that carries nothing at all. Existing DRBD
 * metadata is reused as it is (never recreated, never {@code --force}, never a piped "yes"); unreadable metadata
 * or any other signature is refused.
 */
public final class DrbdMetadataStep extends FactStep<DrbdMetadataStep.Facts> {

    /** One resource's backing volume: signatures (null when missing), and get-gi when it has DRBD metadata. */
    public record Backing(Signatures signatures, GenerationIds gi) { }

    public record Facts(Map<String, Backing> resources, ProcDrbd drbd) {
        public Facts {
            resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        }
    }

    private final ClusterConfig config;

    public DrbdMetadataStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DRBD_METADATA, node, "DRBD metadata", Set.of(StepNames.DRBD_CONFIG), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        return DrbdProbe.metadataFacts(config);
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DRBD, Part.STORAGE);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        return new Facts(DrbdProbe.backings(node, config), DrbdProbe.procDrbd(node));
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.DRBD_METADATA, node);
        List<Action> actions = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> reused = new ArrayList<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            if (facts.drbd() != null) {
                var m = facts.drbd().minor(r.minor());
                if (m.isPresent() && !"Diskless".equals(m.get().dstate())) {
                    reused.add(r.name());
                    continue;
                }
            }
            Backing b = facts.resources().get(r.name());
            String dev = DrbdFiles.backingDevice(r);
            // a volume the lvm step has yet to create (dry run) needs metadata; create-md on a missing device fails
            if (b.signatures() != null && b.signatures().types().contains("drbd")) {
                if (b.gi() == null) {
                    throw new StepException(id, ProblemCode.DRBD_METADATA_UNREADABLE, "on " + node + ": " + dev
                            + " carries DRBD metadata that drbdadm get-gi cannot read; it is not recreated",
                            "inspect it by hand (drbdadm dump-md " + r.name() + "); if the volume holds nothing you"
                                    + " need, wipe it (wipefs -a " + dev + ") so the next run creates fresh"
                                    + " metadata");
                }
                reused.add(r.name());
                continue;
            }
            if (b.signatures() != null && !b.signatures().isBlank()) {
                throw new StepException(id, ProblemCode.DRBD_BACKING_FOREIGN, "on " + node + ": backing volume "
                        + dev + " of resource " + r.name() + " holds " + b.signatures().describe() + "; DRBD's"
                        + " internal metadata would overwrite its end — refusing, the volume is unchanged",
                        Signatures.wipeOr(dev, "copy the data elsewhere first"));
            }
            actions.add(new Action.Run(Command.of("drbdadm", "create-md", r.name())));
            created.add(r.name());
        }
        if (actions.isEmpty()) {
            return Check.satisfied("DRBD metadata in place (reused: " + String.join(", ", reused) + ")");
        }
        return Check.change("create DRBD metadata for " + String.join(", ", created) + " on blank volumes", actions);
    }
}
