package org.hainstall.core.db2;

import java.util.EnumSet;
import java.util.HashSet;
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
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;

/** The databases, created on the active node (their files live on the DRBD filesystems). */
public final class DatabasesStep extends FactStep<DatabasesStep.Facts> {

    /**
     * @param databases  instance → database names in its directory
     * @param running    instances whose engine runs
     * @param pathOwners database path → owning user
     */
    public record Facts(ProcDrbd drbd, Map<String, List<String>> databases, Set<String> running,
                        Map<String, String> pathOwners) {
        public Facts {
            databases = Map.copyOf(databases);
            running = Set.copyOf(running);
            pathOwners = Map.copyOf(pathOwners);
        }
    }

    private final ClusterConfig config;

    public DatabasesStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DATABASES, node, "DB2 databases", Set.of(StepNames.DB2_MOVE), snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(List.of(DrbdProbe.PROC_DRBD));
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            out.add(Db2Probe.databases(i.owner()));
            out.add(Db2Probe.running(i.owner()));
            i.databases().forEach(d -> out.add(Db2Probe.pathOwner(d.path())));
        }
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DB2);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        ProcDrbd drbd = DrbdProbe.procDrbd(node);
        Map<String, List<String>> dbs = new LinkedHashMap<>();
        Set<String> running = new HashSet<>();
        Map<String, String> owners = new LinkedHashMap<>();
        if (Roles.of(config, drbd) == Roles.Role.ACTIVE && !Roles.view(config, node.node(), drbd).predicted()) {
            for (ClusterConfig.Db2Instance i : config.db2().instances()) {
                CommandResult r = node.result(Db2Probe.databases(i.owner()));
                // the CLP exits 0, or with a warning code when the directory is empty (SQL1057W)
                if (r.exitCode() > 2) {
                    throw new StepException(id(), ProblemCode.FACT_COMMAND_FAILED, "on " + node.node() + ": db2"
                            + " list database directory failed for " + i.name() + " with exit " + r.exitCode(),
                            "run it as the instance owner on the node (su - " + i.owner() + " -c 'db2 list database"
                                    + " directory') to see the SQL code, fix that, then run again");
                }
                dbs.put(i.name(), Db2OutputParser.databaseNames(r.stdout()));
                if (node.result(Db2Probe.running(i.owner())).ok()) {
                    running.add(i.name());
                }
                for (ClusterConfig.Database d : i.databases()) {
                    CommandResult s = node.result(Db2Probe.pathOwner(d.path()));
                    owners.put(d.path(), s.ok() ? s.stdout().strip() : "");
                }
            }
        }
        return new Facts(drbd, dbs, running, owners);
    }

    @Override
    protected Check decide(Facts facts) {
        return decide(config, id().node(), facts);
    }

    @Override
    protected void beforeApply(Facts facts) throws StepException {
        if (Roles.view(config, id().node(), facts.drbd()).predicted()) {
            throw refuse(ProblemCode.DRBD_NOT_UP, "on " + id().node() + ": no DRBD resource is up; not creating"
                    + " databases", Roles.NOT_UP_REMEDY);
        }
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) {
        if (Roles.view(config, node, facts.drbd()).role() != Roles.Role.ACTIVE) {
            return Check.satisfied("standby: the databases live on the active node");
        }
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            List<String> have = facts.databases().getOrDefault(i.name(), List.of());
            List<ClusterConfig.Database> missing = i.databases().stream()
                    .filter(d -> !have.contains(d.name().toUpperCase(java.util.Locale.ROOT))).toList();
            if (missing.isEmpty()) {
                continue;
            }
            if (!facts.running().contains(i.name())) {
                actions.add(new Action.Run(Db2Commands.start(i.owner())));
            }
            for (ClusterConfig.Database d : missing) {
                if (!i.owner().equals(facts.pathOwners().getOrDefault(d.path(), ""))) {
                    actions.add(new Action.Run(Command.of("chown", i.owner() + ":" + i.owner(), d.path())));
                }
                actions.add(new Action.Run(Db2Commands.createDatabase(i.owner(), d), java.time.Duration.ofMinutes(30)));
                what.add("create database " + d.name() + " in " + i.name());
            }
        }
        if (actions.isEmpty()) {
            return Check.satisfied("databases exist");
        }
        return Check.change(String.join(", ", what), actions);
    }
}
