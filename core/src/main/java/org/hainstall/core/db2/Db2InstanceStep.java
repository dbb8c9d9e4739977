package org.hainstall.core.db2;

import java.util.EnumSet;
import java.util.HashSet;
import org.hainstall.core.node.Part;
import org.hainstall.core.drbd.DrbdProbe;
import org.hainstall.core.storage.StorageProbe;
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
import org.hainstall.core.plan.StepId;
import org.hainstall.core.remote.Command;
import org.hainstall.core.storage.Mounts;

/**
 * DB2 instances: real ones on the active node (db2icrt, home on the DRBD filesystem), stubs on the standby (the
 * instance's port in /etc/services and its record in DB2's global registry; the users come from
 * {@link Db2UsersStep}). A non-HA instance — one whose home is not on a replicated filesystem — on the standby is
 * refused (FAULT 24), and nothing is changed.
 */
public final class Db2InstanceStep extends FactStep<Db2InstanceStep.Facts> {
    static final String SERVICES = "/etc/services";

    /**
     * @param instances    db2ilist's instance names
     * @param registry     instance → instance path (HOME/sqllib) from db2greg -dump
     * @param homes        owner → home from getent passwd (absent: no such user)
     * @param existingDirs instance homes that exist as directories
     */
    public record Facts(ProcDrbd drbd, List<String> instances, Map<String, String> registry,
                        Map<String, String> homes, Set<String> existingDirs, String services, Mounts mounts) {
        public Facts {
            instances = List.copyOf(instances);
            registry = Map.copyOf(registry);
            homes = Map.copyOf(homes);
            existingDirs = Set.copyOf(existingDirs);
        }
    }

    private final ClusterConfig config;

    public Db2InstanceStep(ClusterConfig config, String node, NodeSnapshots snapshots) {
        super(StepNames.DB2_INSTANCE, node, "DB2 instances", Set.of(StepNames.DB2_USERS, StepNames.DRBD_FILESYSTEMS),
                snapshots);
        this.config = config;
    }

    @Override
    public List<Fact> facts() {
        List<Fact> out = new ArrayList<>(List.of(DrbdProbe.PROC_DRBD, Db2Probe.instanceTools(config),
                Db2Probe.instanceList(config), Db2Probe.registry(config), Db2Probe.SERVICES, StorageProbe.FINDMNT));
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            out.add(Db2Probe.passwd(i.owner()));
            out.add(Db2Probe.home(i));
        }
        return out;
    }

    @Override
    public Set<Part> touches() {
        return EnumSet.of(Part.DB2);
    }

    @Override
    protected Facts read(StepContext ctx, Look node) throws StepException {
        boolean installed = node.result(Db2Probe.instanceTools(config)).ok();
        List<String> instances = Db2Probe.instances(node, config);
        Map<String, String> registry = installed
                ? Db2OutputParser.registryInstances(node.read(Db2Probe.registry(config))) : Map.of();
        Map<String, String> homes = new LinkedHashMap<>();
        Set<String> dirs = new HashSet<>();
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            String home = Db2Probe.homeOf(node, i.owner());
            if (home != null) {
                homes.put(i.owner(), home);
            }
            if (node.result(Db2Probe.home(i)).ok()) {
                dirs.add(i.home());
            }
        }
        // an instance the config does not name (a non-HA one, FAULT 24): its owner's home, read only then
        List<String> others = instances.stream().filter(o -> !homes.containsKey(o)).toList();
        node.require(others.stream().map(Db2Probe::passwd).toList());
        for (String other : others) {
            String home = Db2Probe.homeOf(node, other);
            if (home != null) {
                homes.put(other, home);
            }
        }
        String services = node.file(Db2Probe.SERVICES).content();
        return new Facts(DrbdProbe.procDrbd(node), instances, registry, homes, dirs,
                services == null ? "" : services, StorageProbe.mounts(node));
    }

    @Override
    protected Check decide(Facts facts) throws StepException {
        return decide(config, id().node(), facts);
    }

    /** Whether a path lies on one of the configured DRBD filesystems. */
    static boolean replicated(ClusterConfig config, String path) {
        for (ClusterConfig.DrbdResource r : config.replication().resources()) {
            String mp = r.filesystem().mountPoint();
            if (path.equals(mp) || path.startsWith(mp.endsWith("/") ? mp : mp + "/")) {
                return true;
            }
        }
        return false;
    }

    /** An instance's home as this node knows it: the registry's instance path, else the owner's passwd home. */
    static String homeOf(Facts facts, String instance, String owner) {
        String p = facts.registry().get(instance);
        if (p != null) {
            return p.endsWith("/sqllib") ? p.substring(0, p.length() - "/sqllib".length()) : p;
        }
        return facts.homes().get(owner);
    }

    public static Check decide(ClusterConfig config, String node, Facts facts) throws StepException {
        StepId id = StepId.onNode(StepNames.DB2_INSTANCE, node);
        Roles.View view = Roles.view(config, node, facts.drbd());
        Roles.Role role = view.role();
        if (role == Roles.Role.MIXED) {
            throw new StepException(id, ProblemCode.DRBD_ROLES_SPLIT, "on " + node + ": the DRBD resources are"
                    + " split between the nodes (" + Roles.describe(config, facts.drbd()) + ")", Roles.SPLIT_REMEDY);
        }
        String path = config.db2().installPath();
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (role == Roles.Role.STANDBY) {
            java.util.Set<String> known = new java.util.LinkedHashSet<>(facts.instances());
            known.addAll(facts.registry().keySet());
            for (String inst : known) {
                String owner = config.db2().instances().stream().filter(i -> i.name().equals(inst))
                        .map(ClusterConfig.Db2Instance::owner).findFirst().orElse(inst);
                String home = homeOf(facts, inst, owner);
                if (home == null || !replicated(config, home)) {
                    throw new StepException(id, ProblemCode.DB2_INSTANCE_NOT_HA, "on " + node + " (standby): DB2"
                            + " instance " + inst + " already exists with its home " + (home == null ? "unknown" : home)
                            + " outside the replicated filesystems — a non-HA instance; refusing to make this node"
                            + " its standby, nothing changed",
                            "drop the instance on " + node + " (db2idrop) once its data is safe elsewhere, or give the"
                                    + " HA instance another name, then run again");
                }
            }
        }
        String services = servicesWithPorts(config, node, facts.services(), id);
        if (!services.equals(facts.services())) {
            actions.add(new Action.WriteFile(SERVICES, services, 0644, false));
            what.add("ports in /etc/services");
        }
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            if (role == Roles.Role.STANDBY) {
                if (!facts.registry().containsKey(i.name())) {
                    actions.add(new Action.Run(Db2Commands.db2greg(path, "-addinstrec",
                            "service=DB2,instancename=" + i.name() + ",instancepath=" + i.home() + "/sqllib"
                                    + ",installpath=" + path + ",startatboot=0")));
                    what.add("stub of " + i.name() + " in the global registry");
                }
                continue;
            }
            if (facts.instances().contains(i.name())) {
                continue; // exists; db2-move takes it onto DRBD if its home is elsewhere
            }
            var holder = facts.mounts().holding(i.home());
            boolean onDrbd = holder.isPresent() && config.replication().resources().stream()
                    .anyMatch(r -> r.filesystem().mountPoint().equals(holder.get().target()));
            if (!onDrbd && !view.predicted()) {
                throw new StepException(id, ProblemCode.DB2_HOME_NOT_MOUNTED, "on " + node + ": the instance home "
                        + i.home() + " is not on a mounted DRBD filesystem (mounted there: "
                        + holder.map(Mounts.Mount::target).orElse("nothing") + "); not creating instance " + i.name(),
                        "check that Heartbeat on this node holds the resources and mounted their filesystems"
                                + " (cl_status rscstatus, findmnt), then run again");
            }
            if (!facts.existingDirs().contains(i.home())) {
                actions.add(new Action.Run(Command.of("install", "-d", "-o", i.owner(), "-g", i.owner(), "-m", "0755",
                        i.home())));
            }
            actions.add(new Action.Run(Command.of(path + "/instance/db2icrt", "-u", i.fencedUser(), "-p",
                    Integer.toString(i.port()), i.name()), java.time.Duration.ofMinutes(20)));
            what.add("db2icrt " + i.name());
        }
        if (actions.isEmpty()) {
            return Check.satisfied(role == Roles.Role.ACTIVE ? "DB2 instances exist" : "DB2 instance stubs in place");
        }
        return Check.change((role == Roles.Role.ACTIVE ? "active node: " : "standby: ") + String.join(", ", what),
                actions);
    }

    @Override
    protected void beforeApply(Facts facts) throws StepException {
        if (Roles.view(config, id().node(), facts.drbd()).predicted()) {
            throw refuse(ProblemCode.DRBD_NOT_UP, "on " + id().node() + ": no DRBD resource is up, so this node's"
                    + " role is unknown; not creating instances or stubs", Roles.NOT_UP_REMEDY);
        }
    }

    /** /etc/services with a {@code db2c_INSTANCE PORT/tcp} line per instance; a clash is refused. */
    static String servicesWithPorts(ClusterConfig config, String node, String services, StepId id)
            throws StepException {
        StringBuilder out = new StringBuilder(services);
        for (ClusterConfig.Db2Instance i : config.db2().instances()) {
            String name = "db2c_" + i.name();
            String port = i.port() + "/tcp";
            boolean present = false;
            for (String line : services.split("\n")) {
                String t = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                String[] f = t.strip().split("\\s+");
                if (f.length < 2) {
                    continue;
                }
                if (f[0].equals(name)) {
                    if (!f[1].equals(port)) {
                        throw new StepException(id, ProblemCode.DB2_SERVICES_CONFLICT, "on " + node + ": /etc/services"
                                + " gives " + name + " port " + f[1] + ", not " + port, "correct or remove that line"
                                + " of /etc/services on " + node + ", or set the instance's port to " + f[1]
                                + " in the config");
                    }
                    present = true;
                } else if (f[1].equals(port)) {
                    throw new StepException(id, ProblemCode.DB2_SERVICES_CONFLICT, "on " + node + ": port " + port
                            + " of instance " + i.name() + " is taken by service " + f[0] + " in /etc/services",
                            "choose another port for the instance in the config (db2.instances[].port), or move "
                                    + f[0] + " to another port in /etc/services on " + node);
                }
            }
            if (!present) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                out.append(name).append('\t').append(port).append("\t# DB2 instance ").append(i.name())
                        .append(" (hainstall)\n");
            }
        }
        return out.toString();
    }
}
