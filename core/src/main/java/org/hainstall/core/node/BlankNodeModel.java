package org.hainstall.core.node;

import java.time.Duration;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.OutputListener;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * For {@code create --dry-run}: a model of a node fresh from its seed (hostname and addresses set, nothing
 * installed, blank data disks), answering the read-only commands the node steps use, so the plan can be made
 * without contacting anything. It runs nothing: any command it does not know, and every upload, is refused.
 *
 * <p>The config does not give disk sizes; the model's disks are {@link #DISK_BYTES} large, so the size preflight
 * is only meaningful against real nodes.
 */
public final class BlankNodeModel implements Shell {
    public static final long DISK_BYTES = 1L << 40;

    private static final String READ_FILE_PREFIX = Remote.readFileCommand("/").line().replaceAll(" /$", " ");

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

    @Override
    public CommandResult run(Command command, Duration timeout, OutputListener output) throws RemoteException {
        String line = command.line();
        String program = line.split(" ", 2)[0];
        if (line.startsWith(READ_FILE_PREFIX)) {
            // Remote.fileOrNull: the files a fresh Debian node has, everything else missing
            if (line.equals(Remote.readFileCommand("/etc/fstab").line())) {
                return ok("/dev/vda / ext4 errors=remount-ro 0 1\n");
            }
            if (line.equals(Remote.readFileCommand("/etc/services").line())) {
                return ok("ssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol\n");
            }
            return exit(3, "");
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
                return exit(1, "");
            case "readlink":
                return ok("/usr/share/zoneinfo/Etc/UTC\n");
            case "chronyc":
                return exit(1, "");
            case "getent":
                if (line.equals("getent passwd")) {
                    return ok("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
                }
                if (line.equals("getent group")) {
                    return ok("root:x:0:\ndaemon:x:1:\n");
                }
                return exit(2, "");
            default:
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
