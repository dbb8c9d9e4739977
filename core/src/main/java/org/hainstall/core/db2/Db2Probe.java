package org.hainstall.core.db2;

import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.Part;
import org.hainstall.core.node.Probe;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;

/**
 * DB2's part of a look at a node: the installation, its instances and global registry, the owners' homes, the
 * instances' ports in /etc/services, which engines run and which databases each instance lists.
 */
public final class Db2Probe {
    public static final Fact SERVICES = Fact.file(Part.DB2, Db2InstanceStep.SERVICES);

    /** What reconstruct reads of DB2: the instances' ports, the install path and, per instance, {@link #INSTANCES}. */
    public static final List<Fact> RECONSTRUCT = List.of(
            Fact.of(Part.DB2, "services", Command.of("cat", Db2InstanceStep.SERVICES)),
            Fact.of(Part.DB2, "db2-paths", Command.of("sh", "-c", "ls -1d /opt/ibm/db2/*/bin/db2level")));
    /** db2ilist, and per instance "passwd:I", "fenced:I", "dbdir:I" and "dbcfg:I:DB". */
    public static final Probe.Fragment INSTANCES = Probe.Fragment.resource(Db2Probe.class, "instances.sh");

    private Db2Probe() {
    }

    public static Fact installed(ClusterConfig config) {
        return Fact.executable(Part.DB2, config.db2().installPath() + "/bin/db2level");
    }

    /** Whether db2ilist exists: the instances and the registry are read only then. */
    public static Fact instanceTools(ClusterConfig config) {
        return Fact.executable(Part.DB2, config.db2().installPath() + "/instance/db2ilist");
    }

    public static Fact instanceList(ClusterConfig config) {
        return Fact.of(Part.DB2, "db2ilist", Db2Commands.db2ilist(config.db2().installPath()));
    }

    public static Fact registry(ClusterConfig config) {
        return Fact.of(Part.DB2, "db2greg", Db2Commands.db2greg(config.db2().installPath(), "-dump"));
    }

    /** The user's passwd entry (its home), looked up by name as DB2 does. */
    public static Fact passwd(String user) {
        return Fact.of(Part.DB2, "passwd " + user, Command.of("getent", "passwd", user));
    }

    public static Fact home(ClusterConfig.Db2Instance instance) {
        return Fact.directory(Part.DB2, instance.home());
    }

    public static Fact running(String owner) {
        return Fact.of(Part.DB2, "running " + owner, Db2Commands.running(owner));
    }

    /**
     * The instance's database directory. Where the owner's home holds no DB2 profile (the standby, whose DRBD
     * filesystems are not mounted) it exits 1 without logging the owner in, as sourcing the missing profile would.
     */
    public static Fact databases(String owner) {
        return Fact.of(Part.DB2, "databases " + owner, Command.of("sh", "-c",
                "h=$(getent passwd \"$1\" | cut -d: -f6) && test -r \"$h/sqllib/db2profile\" || exit 1; "
                        + "exec su - \"$1\" -c '. ~/sqllib/db2profile && db2 list database directory'", "sh", owner));
    }

    public static Fact pathOwner(String path) {
        return Fact.of(Part.DB2, "owner " + path, Command.of("stat", "-c", "%U", path));
    }

    /** Bytes used under an instance's current home (read only for an instance to move). */
    public static Fact used(String home) {
        return Fact.of(Part.DB2, "du " + home, Command.of("du", "-s", "-B1", "--", home));
    }

    /** Bytes free on the filesystem that will hold an instance's new home. */
    public static Fact available(String directory) {
        return Fact.of(Part.DB2, "df " + directory, Command.of("df", "-B1", "--output=avail", directory));
    }

    /** Exit 0 when the directory is missing or empty. */
    public static Fact empty(String directory) {
        return Fact.of(Part.DB2, "empty " + directory,
                Command.of("sh", "-c", "test -z \"$(ls -A -- \"$1\" 2>/dev/null)\"", "sh", directory));
    }

    /** db2ilist's instances, or none while DB2's instance tools are not installed. */
    public static List<String> instances(Look node, ClusterConfig config) throws StepException {
        return node.result(instanceTools(config)).ok()
                ? Db2OutputParser.instanceList(node.read(instanceList(config))) : List.of();
    }

    /** A user's home from getent passwd, or null when there is no such user. */
    public static String homeOf(Look node, String user) throws StepException {
        CommandResult r = node.result(passwd(user));
        String[] f = r.stdout().strip().split(":", -1);
        return r.ok() && f.length >= 6 ? f[5] : null;
    }

    /** What moving an instance needs to know, required only for an instance to move. */
    public static Db2MoveStep.Usage usage(Look node, ClusterConfig.Db2Instance i, String home) throws StepException {
        String parent = i.home().substring(0, Math.max(1, i.home().lastIndexOf('/')));
        Fact used = used(home);
        Fact available = available(parent);
        Fact empty = empty(i.home());
        Fact running = running(i.owner());
        node.require(List.of(used, available, empty, running));
        String[] df = node.read(available).strip().split("\n");
        return new Db2MoveStep.Usage(Long.parseLong(node.read(used).strip().split("\\s+")[0]),
                Long.parseLong(df[df.length - 1].strip()), node.result(empty).ok(), node.result(running).ok());
    }
}
