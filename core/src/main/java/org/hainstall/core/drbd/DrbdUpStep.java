package org.hainstall.core.drbd;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import java.util.ArrayList;
import java.util.List;
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

/** Brings each resource up (attach + connect) and enables drbd.service so they come up at boot. */
public final class DrbdUpStep extends FactStep<DrbdUpStep.Facts> {

    /** @param drbd /proc/drbd (null: module not loaded); @param serviceEnabled {@code systemctl is-enabled drbd} */
    public record Facts(ProcDrbd drbd, String serviceEnabled) { }

    private final ClusterConfig config;

    public DrbdUpStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DRBD_UP, node, "DRBD resources up", Set.of(StepNames.DRBD_METADATA), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        return List.of(DrbdProbe.PROC_DRBD, DrbdProbe.ENABLED);
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DRBD);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        return new Facts(DrbdProbe.procDrbd(node), node.result(DrbdProbe.ENABLED).stdout().strip());
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.DRBD_UP, node);
        List<Action> actions = new ArrayList<>();
        List<String> up = new ArrayList<>();
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            var m = facts.drbd() == null ? java.util.Optional.<ProcDrbd.Minor>empty() : facts.drbd().minor(r.minor());
            if (m.isEmpty()) {
                actions.add(new Action.Run(Command.of("drbdadm", "up", r.name())));
                up.add(r.name());
                continue;
            }
            if ("StandAlone".equals(m.get().cstate())) {
                throw new StepException(id, ProblemCode.DRBD_STANDALONE, "on " + node + ": resource " + r.name()
                        + " is StandAlone (" + m.get().summary() + "): the peers refused to connect, possibly a split"
                        + " brain; nothing is discarded automatically", "read why in the kernel log (dmesg | grep"
                        + " drbd); for a split brain, decide which node's data to keep, then on the other node run"
                        + " drbdadm secondary " + r.name() + " and drbdadm connect --discard-my-data " + r.name()
                        + ", and drbdadm connect " + r.name() + " on the node you keep; then run again");
            }
            if ("Diskless".equals(m.get().dstate())) {
                throw new StepException(id, ProblemCode.DRBD_DISKLESS, "on " + node + ": resource " + r.name()
                        + " is up but Diskless (" + m.get().summary() + "); its backing volume failed or was"
                        + " detached", "check the backing volume " + DrbdFiles.backingDevice(r) + " (lvs, dmesg);"
                        + " once it is healthy, drbdadm attach " + r.name() + " and run again");
            }
        }
        if (!"enabled".equals(facts.serviceEnabled())) {
            actions.add(new Action.Run(Command.of("systemctl", "enable", "drbd")));
            up.add("enable drbd.service");
        }
        if (actions.isEmpty()) {
            return Check.satisfied("DRBD resources up");
        }
        return Check.change("drbdadm up " + String.join(", ", up), actions);
    }
}
