package org.hainstall.core.db2;

import java.util.EnumSet;
import org.hainstall.core.node.Part;
import org.hainstall.core.os.OsProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.config.ProblemCode;
import org.hainstall.core.node.ClusterStep;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.NodeActions;
import org.hainstall.core.node.NodeSnapshots;
import org.hainstall.core.node.StepNames;
import org.hainstall.core.os.Accounts;
import org.hainstall.core.plan.Action;
import org.hainstall.core.plan.StepContext;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;

/**
 * The instance owners and fenced users, each with a group of its own name, with the same UID and GID on both
 * nodes (a failed-over instance must own its files). The config has no ids: an account that exists on one node
 * keeps its ids; new ones get the first id from 1100 up that is free on both nodes — deterministic, so a
 * re-run plans the same. The owner's home is the instance home on the DRBD filesystem, so it is not created
 * here (it is mounted on one node only); the fenced user's home is local.
 */
public final class Db2UsersStep extends ClusterStep<Db2UsersStep.Facts> {
    static final int FIRST_ID = 1100;

    public record Facts(Map<String, Accounts> nodes) {
        public Facts {
            nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        }
    }

    private final ClusterConfig config;

    public Db2UsersStep(ClusterConfig config, NodeSnapshots snapshots) {
        super(StepNames.DB2_USERS, "DB2 users and groups", Set.of(StepNames.DB2_INSTALL), config, snapshots);
        this.config = config;
    }

    @Override
    protected Facts read(StepContext ctx, boolean fresh) throws StepException {
        Map<String, Accounts> out = new LinkedHashMap<>();
        for (ClusterConfig.Node n : config.nodes()) {
            out.put(n.name(), OsProbe.accounts(look(ctx, n.name(), fresh)));
        }
        return new Facts(out);
    }

    @Override
    protected List<Fact> facts(String node) {
        return List.of(OsProbe.PASSWD, OsProbe.GROUP);
    }

    /** New accounts show in getent, including the owners' entries the DB2 steps look up. */
    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.OS, Part.DB2);
    }

    @Override
    protected String satisfiedSummary(Facts facts) {
        return "DB2 users and groups exist with the same ids on both nodes";
    }

    @Override
    protected List<NodeActions> decide(Facts facts) throws StepException {
        return decide(config, facts);
    }

    public static List<NodeActions> decide(ClusterConfig config, Facts facts) throws StepException {
        StepId id = StepId.cluster(StepNames.DB2_USERS);
        Map<String, List<Action>> actions = new LinkedHashMap<>();
        Map<String, List<String>> what = new LinkedHashMap<>();
        for (String n : facts.nodes().keySet()) {
            actions.put(n, new ArrayList<>());
            what.put(n, new ArrayList<>());
        }
        Set<Integer> usedUids = new HashSet<>();
        Set<Integer> usedGids = new HashSet<>();
        for (ClusterConfig.Db2Instance inst : config.db2().instances()) {
            for (String user : List.of(inst.owner(), inst.fencedUser())) {
                boolean owner = user.equals(inst.owner());
                int gid = agreedId(id, facts, user, true, usedGids);
                int uid = agreedId(id, facts, user, false, usedUids);
                usedGids.add(gid);
                usedUids.add(uid);
                for (Map.Entry<String, Accounts> e : facts.nodes().entrySet()) {
                    Accounts a = e.getValue();
                    if (a.group(user).isEmpty()) {
                        actions.get(e.getKey()).add(new Action.Run(Command.of("groupadd", "-g",
                                Integer.toString(gid), user)));
                        what.get(e.getKey()).add("group " + user + " (" + gid + ")");
                    }
                    if (a.user(user).isEmpty()) {
                        List<String> argv = new ArrayList<>(List.of("useradd", "-u", Integer.toString(uid), "-g", user,
                                "-s", "/bin/bash"));
                        if (owner) {
                            argv.addAll(List.of("-d", inst.home(), "-M"));
                        } else {
                            argv.add("-m");
                        }
                        argv.add(user);
                        actions.get(e.getKey()).add(new Action.Run(Command.of(argv)));
                        what.get(e.getKey()).add("user " + user + " (" + uid + ")");
                    }
                }
            }
        }
        List<NodeActions> plan = new ArrayList<>();
        for (String n : actions.keySet()) {
            plan.add(new NodeActions(n, String.join(", ", what.get(n)), actions.get(n)));
        }
        return plan;
    }

    /** Ids are never changed automatically: files on the replicated filesystems are owned by the numbers. */
    private static String alignRemedy(boolean group, String name) {
        return "align the ids by hand (" + (group ? "groupmod -g ID " : "usermod -u ID ") + name + " on one node, then"
                + " chown the files that kept the old id), then run again";
    }

    /** The id both nodes agree on: an existing one (equal on both, free on the other), or the first free one. */
    private static int agreedId(StepId id, Facts facts, String name, boolean group, Set<Integer> planned)
            throws StepException {
        Integer found = null;
        String foundOn = null;
        for (Map.Entry<String, Accounts> e : facts.nodes().entrySet()) {
            Optional<Integer> have = group ? e.getValue().group(name).map(Accounts.Group::gid)
                    : e.getValue().user(name).map(Accounts.User::uid);
            if (have.isPresent()) {
                if (found != null && !found.equals(have.get())) {
                    throw new StepException(id, ProblemCode.DB2_ACCOUNT_ID_MISMATCH, (group ? "group " : "user ")
                            + name + " has id " + found + " on " + foundOn + " but " + have.get() + " on " + e.getKey()
                            + "; DB2 failover needs the same ids on both nodes", alignRemedy(group, name));
                }
                found = have.get();
                foundOn = e.getKey();
            }
        }
        if (found != null) {
            for (Map.Entry<String, Accounts> e : facts.nodes().entrySet()) {
                boolean exists = group ? e.getValue().group(name).isPresent() : e.getValue().user(name).isPresent();
                boolean taken = group ? e.getValue().gidTaken(found) : e.getValue().uidTaken(found);
                if (!exists && taken) {
                    throw new StepException(id, ProblemCode.DB2_ACCOUNT_ID_MISMATCH, (group ? "group " : "user ")
                            + name + " has id " + found + " on " + foundOn + ", but on " + e.getKey() + " that id"
                            + " belongs to another " + (group ? "group" : "user"), alignRemedy(group, name));
                }
            }
            return found;
        }
        for (int candidate = FIRST_ID; ; candidate++) {
            if (planned.contains(candidate)) {
                continue;
            }
            boolean free = true;
            for (Accounts a : facts.nodes().values()) {
                if (group ? a.gidTaken(candidate) : a.uidTaken(candidate)) {
                    free = false;
                }
            }
            if (free) {
                return candidate;
            }
        }
    }
}
