package org.hainstall.core.drbd;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.InitialSync;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.ClusterStep;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeActions;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;

/**
 * The one-time initial sync: the node the config names as holding valid data becomes the first primary.
 *
 * <p>Only while neither node's metadata shows a primary or a completed sync (generation identifiers as create-md
 * wrote them), only when the peer's backing volume holds no data the sync would overwrite (FAULT 23), and only
 * once the peer is connected — an unreachable peer is waited for, never guessed about (FAULT 25).
 * {@code initialSync: skip} (new-current-uuid --clear-bitmap) only when both backing volumes are blank.
 */
public final class DrbdInitialPrimaryStep extends ClusterStep<DrbdInitialPrimaryStep.Facts> {
    /** The initial sync copies the holdsValidData node over the other: only the administrator knows whose data counts. */
    private static final String PEER_DATA_REMEDY = "decide which node's data is valid: if it is the other node's, move"
            + " holdsValidData: true to that node in the config; otherwise, once its data is safe elsewhere, wipe the"
            + " other node's copy by hand; then run again";

    public record NodeFacts(ProcDrbd drbd, Map<String, DrbdMetadataStep.Backing> backing) {
        public NodeFacts {
            backing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(backing));
        }
    }

    public record Facts(Map<String, NodeFacts> nodes) {
        public Facts {
            nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        }
    }

    private final ClusterConfig config;
    private final Duration connectTimeout;
    private final Duration pollEvery;

    public DrbdInitialPrimaryStep(ClusterConfig config, Duration connectTimeout, Duration pollEvery,
                                  NodeSnapshots snapshots) {
        super(StepNames.DRBD_INITIAL_PRIMARY, "DRBD initial primary", Set.of(StepNames.DRBD_UP), config, snapshots);
        this.config = config;
        this.connectTimeout = connectTimeout;
        this.pollEvery = pollEvery;
    }

    @Override
    protected Facts read(StepContext ctx, boolean fresh) throws StepException {
        Map<String, NodeFacts> nodes = new LinkedHashMap<>();
        for (ClusterConfig.Node n : config.nodes()) {
            Look node = look(ctx, n.name(), fresh);
            nodes.put(n.name(), new NodeFacts(DrbdProbe.procDrbd(node), DrbdProbe.backings(node, config)));
        }
        return new Facts(nodes);
    }

    @Override
    protected List<Fact> facts(String node) {
        return DrbdProbe.metadataFacts(config);
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DRBD, Part.STORAGE);
    }

    @Override
    protected String satisfiedSummary(Facts facts) {
        return "the initial sync was started before (or a node is primary); Heartbeat decides roles now";
    }

    @Override
    protected List<NodeActions> decide(Facts facts) throws StepException {
        return decide(config, facts);
    }

    public static List<NodeActions> decide(ClusterConfig config, Facts facts) throws StepException {
        StepId id = StepId.cluster(StepNames.DRBD_INITIAL_PRIMARY);
        String valid = Roles.validDataHolder(config).name();
        String peer = Roles.peerOf(config, valid).name();
        NodeFacts v = facts.nodes().get(valid);
        NodeFacts p = facts.nodes().get(peer);
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        boolean skip = config.replication().initialSync() == InitialSync.SKIP;
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            if (primary(v, r) || primary(p, r)) {
                continue; // a node is primary: roles are settled (Heartbeat's from now on)
            }
            // A resource not up yet (dry run on fresh nodes) is planned as fresh and blank; apply acts only once both
            // sides are up and Connected, re-deciding on their real generation identifiers and signatures.
            DrbdMetadataStep.Backing vb = planned(v, r);
            DrbdMetadataStep.Backing pb = planned(p, r);
            boolean vFresh = vb.gi() != null && vb.gi().fresh();
            boolean pFresh = pb.gi() != null && pb.gi().fresh();
            if (vb.gi() == null || pb.gi() == null) {
                String unread = vb.gi() == null ? valid : peer;
                throw new StepException(id, ProblemCode.DRBD_METADATA_UNREADABLE, "resource " + r.name()
                        + ": cannot read the generation identifiers on " + unread + "; not choosing a primary",
                        "check on " + unread + " that drbdadm get-gi " + r.name() + " works (the resource must be"
                                + " up), then run again");
            }
            if (!vFresh || !pFresh) {
                if (vFresh) {
                    throw new StepException(id, ProblemCode.DRBD_PEER_HOLDS_DATA, "resource " + r.name() + ": "
                            + peer + "'s metadata shows a primary or a completed sync while " + valid
                            + " (holdsValidData) has never been primary; " + peer + " may hold newer data — refusing"
                            + " to force " + valid + " primary", PEER_DATA_REMEDY);
                }
                continue; // the initial sync happened before
            }
            List<String> vData = vb.signatures().typesOtherThan("drbd");
            List<String> pData = pb.signatures().typesOtherThan("drbd");
            if (!pData.isEmpty()) {
                String which = vData.isEmpty() ? valid + " (holdsValidData) is blank while " + peer
                        : peer;
                throw new StepException(id, ProblemCode.DRBD_PEER_HOLDS_DATA, "resource " + r.name() + ": " + which
                        + " holds data on " + DrbdFiles.backingDevice(r) + " (" + String.join(", ", pData) + "); the"
                        + " initial sync would overwrite it — refusing", PEER_DATA_REMEDY);
            }
            if (skip && vData.isEmpty()) {
                // both blank: nothing to copy, mark both sides UpToDate
                actions.add(new Action.Run(Command.of("drbdadm", "--", "--clear-bitmap", "new-current-uuid",
                        r.name())));
                actions.add(new Action.Run(Command.of("drbdadm", "primary", r.name())));
                what.add(r.name() + ": skip the initial sync (both volumes blank), primary");
            } else {
                actions.add(new Action.Run(Command.of("drbdadm", "primary", "--force", r.name())));
                what.add(r.name() + ": primary --force, full initial sync to " + peer
                        + (skip ? " (initialSync skip ignored: " + valid + " holds data)" : ""));
            }
        }
        return List.of(new NodeActions(valid, String.join("; ", what), actions));
    }

    private static boolean primary(NodeFacts f, ClusterConfig.DrbdResource r) {
        return f.drbd() != null && f.drbd().minor(r.minor()).map(ProcDrbd.Minor::primary).orElse(false);
    }

    private static DrbdMetadataStep.Backing planned(NodeFacts f, ClusterConfig.DrbdResource r) {
        DrbdMetadataStep.Backing b = f.backing().get(r.name());
        boolean up = f.drbd() != null && f.drbd().minor(r.minor()).isPresent();
        if (!up && (b == null || b.gi() == null)) {
            return new DrbdMetadataStep.Backing(b == null || b.signatures() == null
                    ? org.hainstall.core.storage.Signatures.blank() : b.signatures(),
                    new org.hainstall.core.drbd.GenerationIds(4, 0, 0, 0));
        }
        return b;
    }

    /** The resources that the plan forces primary and whose connection is not established yet. */
    static List<String> unconnected(ClusterConfig config, Facts facts) {
        String valid = Roles.validDataHolder(config).name();
        List<String> out = new ArrayList<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            NodeFacts v = facts.nodes().get(valid);
            boolean connected = v.drbd() != null && v.drbd().minor(r.minor()).map(ProcDrbd.Minor::connected)
                    .orElse(false);
            if (!connected) {
                out.add(r.name());
            }
        }
        return out;
    }

    /**
     * Waits for the peer to connect before acting (FAULT 25), then re-decides on fresh facts and acts only if the
     * decision still stands.
     */
    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        Instant deadline = Instant.now().plus(connectTimeout);
        while (true) {
            Facts facts = readChecked(ctx, true);
            List<String> waiting = unconnected(config, facts);
            if (waiting.isEmpty() || NodeActions.toCheck("", decide(config, facts)) instanceof Check.Satisfied) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StepException(id(), ProblemCode.DRBD_PEER_NOT_CONNECTED, "the peer did not connect"
                        + " within " + connectTimeout.toSeconds() + " s (resources " + String.join(", ", waiting)
                        + " not Connected); no node was made primary",
                        "check the replication link and that DRBD is up on both nodes (drbdadm status), then run"
                                + " again; replication.peerConnectTimeout sets how long to wait");
            }
            ctx.checkCancelled();
            sleep();
        }
        super.apply(ctx, planned);
    }

    private void sleep() throws StepException {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepException.interrupted(id(), "waiting for the peer", e);
        }
    }
}
