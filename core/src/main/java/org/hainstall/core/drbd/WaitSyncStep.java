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
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.ClusterStep;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.NodeActions;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.OutputListener;

/**
 * Waits until every resource is Connected and UpToDate/UpToDate on both nodes. A watchdog reports a sync that
 * stops making progress (FAULT 26); it only reports — nothing is disconnected, invalidated or destroyed.
 */
public final class WaitSyncStep extends ClusterStep<WaitSyncStep.Facts> {

    public record Facts(Map<String, ProcDrbd> nodes) {
        public Facts {
            nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        }
    }

    private final ClusterConfig config;
    private final Duration stallAfter;
    private final Duration pollEvery;

    public WaitSyncStep(ClusterConfig config, Duration stallAfter, Duration pollEvery, NodeSnapshots snapshots) {
        super(StepNames.WAIT_SYNC, "Wait for DRBD sync",
                Set.of(StepNames.DRBD_INITIAL_PRIMARY, StepNames.HEARTBEAT_START), config, snapshots);
        this.config = config;
        this.stallAfter = stallAfter;
        this.pollEvery = pollEvery;
    }

    @Override
    protected Facts read(StepContext ctx, boolean fresh) throws StepException {
        Map<String, ProcDrbd> out = new LinkedHashMap<>();
        for (ClusterConfig.Node n : config.nodes()) {
            out.put(n.name(), DrbdProbe.procDrbd(look(ctx, n.name(), fresh)));
        }
        return new Facts(out);
    }

    @Override
    protected List<Fact> facts(String node) {
        return List.of(DrbdProbe.PROC_DRBD);
    }

    /** It only waits. */
    @Override
    public Set<Part> touches() {
        return EnumSet.noneOf(Part.class);
    }

    @Override
    protected String satisfiedSummary(Facts facts) {
        return "all resources Connected and UpToDate/UpToDate";
    }

    @Override
    protected List<NodeActions> decide(Facts facts) {
        return List.of();
    }

    /** The resources not yet in sync, with their state; empty when all are. Pure. */
    public static List<String> notInSync(ClusterConfig config, Facts facts) {
        List<String> out = new ArrayList<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            for (Map.Entry<String, ProcDrbd> e : facts.nodes().entrySet()) {
                var m = e.getValue() == null ? java.util.Optional.<ProcDrbd.Minor>empty()
                        : e.getValue().minor(r.minor());
                if (m.isEmpty() || !m.get().upToDateBoth()) {
                    out.add(r.name() + " on " + e.getKey() + ": " + m.map(ProcDrbd.Minor::summary).orElse("down"));
                }
            }
        }
        return out;
    }

    /** Out-of-sync KiB summed over resources and nodes: the number the watchdog watches fall. */
    public static long outOfSync(Facts facts) {
        long sum = 0;
        for (ProcDrbd d : facts.nodes().values()) {
            if (d != null) {
                for (ProcDrbd.Minor m : d.minors().values()) {
                    sum += m.outOfSyncKiB();
                }
            }
        }
        return sum;
    }

    @Override
    public Check check(StepContext ctx) throws StepException {
        List<String> waiting = notInSync(config, readChecked(ctx, false));
        if (waiting.isEmpty()) {
            return Check.satisfied(satisfiedSummary(null));
        }
        return Check.change("wait until in sync: " + String.join("; ", waiting), List.of());
    }

    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        SyncWatchdog watchdog = new SyncWatchdog(stallAfter);
        while (true) {
            Facts facts = readChecked(ctx, true);
            List<String> waiting = notInSync(config, facts);
            if (waiting.isEmpty()) {
                return;
            }
            long oos = outOfSync(facts);
            ctx.output().line(OutputListener.Stream.STDOUT, "waiting for sync: " + String.join("; ", waiting)
                    + " (" + oos + " KiB out of sync)");
            if (watchdog.stalled(Instant.now(), oos)) {
                throw new StepException(StepId.cluster(StepNames.WAIT_SYNC), ProblemCode.DRBD_SYNC_STALLED,
                        "the DRBD sync made no progress for " + stallAfter.toSeconds() + " s: "
                                + String.join("; ", waiting) + ". Nothing was changed",
                        "check the replication link and both nodes' disks (drbdadm status, dmesg), then run again");
            }
            ctx.checkCancelled();
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StepException.interrupted(id(), "waiting for the sync", e);
            }
        }
    }
}
