package org.hainstall.core.node;

import java.time.Duration;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * For {@code create --dry-run}: a model of a node fresh from its seed (hostname and addresses set, nothing
 * installed, blank data disks), answering the probe's read-only facts as such a node would, so the plan can be
 * made without contacting anything. It runs nothing: any command it does not know, and every upload, is refused.
 *
 * <p>The config does not give disk sizes; the model's disks are {@link #DISK_BYTES} large, so the size preflight
 * is only meaningful against real nodes.
 */
public final class BlankNodeModel implements Shell {
    public static final long DISK_BYTES = 1L << 40;
    private static final String FILE_PREFIX = "sh -c 'test -e \"$1\" || exit 3; stat";
    private static final String DATABASES_PREFIX = "sh -c 'h=$(getent passwd";

    private final ClusterConfig config;
    private final ClusterConfig.Node node;

    public BlankNodeModel(ClusterConfig config, ClusterConfig.Node node) {
        this.config = config;
        this.node = node;
    }

    @Override
    public String nodeName() {
        return node.name();
    }

    /** A probe: each fact answered as {@link #run} answers its command. */
    @Override
    public CommandResult runScript(String script, List<String> args, Duration timeout, OutputListener output)
            throws RemoteException {
        return new CommandResult(0, Probe.answer(script, args.get(0), c -> run(c, timeout, output)), "");
    }

    @Override
    public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
        String line = command.line();
        String program = line.split(" ", 2)[0];
        if (line.startsWith(FILE_PREFIX)) {
            // the files a fresh Debian node has (mode, then content); everything else is missing
            if (line.equals(Fact.file(Part.STORAGE, "/etc/fstab").command().line())) {
                return ok("644\n/dev/vda / ext4 errors=remount-ro 0 1\n");
            }
            if (line.equals(Fact.file(Part.DB2, "/etc/services").command().line())) {
                return ok("644\nssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol\n");
            }
            return exit(3, "");
        }
        if (line.startsWith(DATABASES_PREFIX)) {
            return exit(1, ""); // no instance owner with a DB2 profile yet
        }
        switch (program) {
            case "lsblk":
                for (ClusterConfig.Disk d : config.storage().disks()) {
                    if (line.endsWith(" " + d.device())) {
                        String name = d.device().substring(d.device().lastIndexOf('/') + 1);
                        return ok("{\"blockdevices\": [{\"name\": \"" + name + "\", \"path\": \"" + d.device()
                                + "\", \"type\": \"disk\", \"size\": " + DISK_BYTES + ", \"fstype\": null,"
                                + " \"mountpoint\": null, \"pkname\": null}]}");
                    }
                }
                return exit(32, "");
            case "blkid":
                return exit(2, "");
            case "wipefs":
                return ok("{\"signatures\": []}");
            case "sfdisk":
                return exit(1, ""); // no partition table
            case "pvs":
                return ok("{\"report\": [{\"pv\": []}]}");
            case "vgs":
                return ok("{\"report\": [{\"vg\": []}]}");
            case "lvs":
                return ok("{\"report\": [{\"lv\": []}]}");
            case "test":
            case "stat":
            case "pgrep":
                return exit(1, "");
            case "findmnt":
                return ok("{\"filesystems\": [{\"target\": \"/\", \"source\": \"/dev/vda\", \"fstype\": \"ext4\"}]}");
            case "systemctl":
                return line.contains("is-enabled") ? exit(1, "disabled\n") : exit(3, "inactive\n");
            case "uname":
                return ok(node.name() + "\n");
            case "ip":
                return ok("[{\"ifname\": \"lo\", \"addr_info\": [{\"family\": \"inet\", \"local\": \"127.0.0.1\"}]},"
                        + " {\"ifname\": \"eth0\", \"addr_info\": [{\"family\": \"inet\", \"local\": \"" + node.address()
                        + "\"}]}, {\"ifname\": \"eth1\", \"addr_info\": [{\"family\": \"inet\", \"local\": \""
                        + node.replicationAddress() + "\"}]}]");
            case "dpkg-query":
            case "chronyc":
                return exit(1, "");
            case "readlink":
                return ok("/usr/share/zoneinfo/Etc/UTC\n");
            case "drbdadm":
                return exit(127, ""); // drbd-utils is not installed yet
            case "getent":
                if (line.equals("getent passwd")) {
                    return ok("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
                }
                if (line.equals("getent group")) {
                    return ok("root:x:0:\ndaemon:x:1:\n");
                }
                return exit(2, "");
            default:
                if (config.db2() != null && program.startsWith(config.db2().installPath() + "/")) {
                    return exit(127, ""); // DB2 is not installed yet
                }
                throw new RemoteException(RemoteException.Kind.IO, "dry run against a blank node model of "
                        + node.name() + ": not a read-only command it knows: " + line);
        }
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) throws RemoteException {
        throw new RemoteException(RemoteException.Kind.IO, "dry run: nothing is written to " + node.name());
    }

    @Override
    public void close() {
    }

    private static CommandResult ok(String stdout) {
        return new CommandResult(0, stdout, "");
    }

    private static CommandResult exit(int code, String stdout) {
        return new CommandResult(code, stdout, "");
    }
}
