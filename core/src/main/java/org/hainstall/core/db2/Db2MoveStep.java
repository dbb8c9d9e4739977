package org.hainstall.core.db2;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import org.hainstall.core.drbd.DrbdProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.drbd.ProcDrbd;
import org.hainstall.core.drbd.Roles;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.FactStep;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.Check;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepFailure;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.hainstall.core.storage.StoragePreflightStep;

/**
 * Moves an instance whose home is not the configured one (on the DRBD filesystem) there: free space is checked
 * first, the home is copied (the source is never touched), and only after a complete copy is the owner's home
 * switched, the instance updated and started again if it ran. A failed copy (disk full) removes the partial copy
 * and leaves the source as it was (FAULT 28). On the standby only the owner's home in /etc/passwd is switched.
 */
public final class Db2MoveStep extends FactStep<Db2MoveStep.Facts> {

    /** Per instance on the active node: bytes used by the old home, bytes free where the new home goes. */
    public record Usage(long usedBytes, long availableBytes, boolean targetEmpty, boolean running) { }

    public record Facts(ProcDrbd drbd, List<String> instances, Map<String, String> homes, Map<String, Usage> usage) {
        public Facts {
            instances = List.copyOf(instances);
            homes = Map.copyOf(homes);
            usage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }
    }

    private final ClusterConfig config;

    public Db2MoveStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DB2_MOVE, node, "DB2 instances onto DRBD", Set.of(StepNames.DB2_INSTANCE), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(List.of(DrbdProbe.PROC_DRBD, Db2Probe.instanceTools(config),
                Db2Probe.instanceList(config)));
        config.db2().instances().forEach(i -> out.add(Db2Probe.passwd(i.owner())));
        return out;
    }

    /** A move changes the owner's home in passwd, the instance's files and whether it runs. */
    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DB2, Part.OS);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        ProcDrbd drbd = DrbdProbe.procDrbd(node);
        List<String> instances = Db2Probe.instances(node, config);
        Map<String, String> homes = new LinkedHashMap<>();
        Map<String, Usage> usage = new LinkedHashMap<>();
        boolean active = Roles.of(config, drbd) == Roles.Role.ACTIVE;
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            String found = Db2Probe.homeOf(node, i.owner());
            // no such user yet: db2-users creates it with the configured home
            String home = found != null ? found : i.home();
            homes.put(i.owner(), home);
            if (active && !home.equals(i.home()) && instances.contains(i.name())) {
                usage.put(i.name(), Db2Probe.usage(node, i, home));
            }
        }
        return new Facts(drbd, instances, homes, usage);
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.DB2_MOVE, node);
        boolean active = Roles.of(config, facts.drbd()) == Roles.Role.ACTIVE;
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            String home = facts.homes().get(i.owner());
            if (i.home().equals(home)) {
                continue;
            }
            Usage u = facts.usage().get(i.name());
            if (!active || u == null) {
                actions.add(new Action.Run(Command.of("usermod", "-d", i.home(), i.owner())));
                what.add("home of " + i.owner() + " → " + i.home());
                continue;
            }
            if (!u.targetEmpty()) {
                throw new StepException(id, ProblemCode.DB2_HOME_NOT_EMPTY, "on " + node + ": cannot move instance "
                        + i.name() + " from " + home + ": " + i.home() + " exists and is not empty", "move what is in "
                        + i.home() + " elsewhere (or remove it, if it is a leftover copy), then run again");
            }
            long needed = u.usedBytes() + u.usedBytes() / 10;
            if (needed > u.availableBytes()) {
                throw new StepException(id, ProblemCode.DB2_HOME_NO_SPACE, "on " + node + ": moving instance "
                        + i.name() + " needs about " + StoragePreflightStep.mib(needed) + " but only "
                        + StoragePreflightStep.mib(u.availableBytes()) + " are free for " + i.home()
                        + "; nothing was changed", "free space on the filesystem holding " + i.home() + ", or make"
                        + " its logical volume and DRBD resource larger, then run again");
            }
            if (u.running()) {
                actions.add(new Action.Run(Db2Commands.stopForce(i.owner())));
            }
            actions.add(new Action.Run(Command.of("install", "-d", "-o", i.owner(), "-g", i.owner(), "-m", "0755",
                    i.home())));
            actions.add(new Action.Run(Command.of("cp", "-a", "--", home + "/.", i.home()),
                    java.time.Duration.ofHours(2)));
            actions.add(new Action.Run(Command.of("usermod", "-d", i.home(), i.owner())));
            actions.add(new Action.Run(Command.of(config.db2().installPath() + "/instance/db2iupdt", i.name()),
                    java.time.Duration.ofMinutes(20)));
            if (u.running()) {
                // It ran before the move (Heartbeat's, on the active node): it runs after it, from its new home.
                actions.add(new Action.Run(Db2Commands.start(i.owner())));
            }
            what.add("copy instance " + i.name() + " from " + home + " to " + i.home() + " (the old home is kept)");
        }
        if (actions.isEmpty()) {
            return Check.satisfied("DB2 instance homes as configured");
        }
        return Check.change(String.join(", ", what), actions);
    }

    /** Runs the actions; a failed copy removes the partial copy so the source stays the only home. */
    @Override
    public void apply(StepContext ctx, Check.Change planned) throws StepException {
        Check now = checkFresh(ctx);
        if (now instanceof Check.Satisfied) {
            return;
        }
        for (Action a : ((Check.Change) now).actions()) {
            ctx.checkCancelled();
            try {
                act(ctx, List.of(a));
            } catch (StepException e) {
                if (a instanceof Action.Run run && run.command().line().startsWith("cp ")) {
                    String target = config.db2().instances().stream().map(ClusterConfig.Db2Instance::home)
                            .filter(h -> run.command().line().endsWith(" " + org.hainstall.core.remote.ShellQuote.quote(h)))
                            .findFirst().orElse(null);
                    if (target != null) {
                        removePartialCopy(ctx, target);
                    }
                    // The copy's own cause, without its step prefix and generic remedy: this one says more.
                    throw new StepException(id(), new StepFailure(ProblemCode.DB2_HOME_COPY_FAILED, "on "
                            + id().node() + ": copying the instance failed (disk full?); the partial copy was"
                            + " removed, the original home is intact and still in use: " + e.failure().cause(),
                            "fix what the copy's error says" + (target == null ? "" : " (df -h " + target
                                    + " shows whether that filesystem is full)") + ", then run again"), e);
                }
                throw e;
            }
        }
    }

    /** Best effort: the copy's failure is what the admin must hear about. */
    private void removePartialCopy(StepContext ctx, String target) {
        try {
            act(ctx, List.of(new Action.Run(Command.of("rm", "-rf", "--", target))));
        } catch (StepException ignored) {
            // the message below still names the original home as the one in use
        }
    }
}
