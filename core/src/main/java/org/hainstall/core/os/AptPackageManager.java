package org.hainstall.core.os;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hainstall.core.plan.Action;
import org.hainstall.core.remote.Command;

/** apt/dpkg (Debian 12). */
public final class AptPackageManager implements PackageManager {
    /**
     * The apt source node-prep writes when the seed carries {@code packages.localRepository}. Shared with the seed
     * part: keep the two in step.
     */
    public static final String LOCAL_SOURCE = "/etc/apt/sources.list.d/hainstall-local.list";

    @Override
    public List<String> clusterPackages() {
        // fdisk carries sfdisk on Debian 12; ksh is what DB2's Heartbeat agent runs under; cron runs the backups
        // (/etc/cron.d), and a minimal cloud image has none
        return List.of("chrony", "parted", "fdisk", "lvm2", "drbd-utils", "heartbeat", "ksh", "cron");
    }

    @Override
    public Command query(List<String> packages) {
        List<String> argv = new ArrayList<>(List.of("dpkg-query", "-W", "-f", "${Package} ${Status}\\n"));
        argv.addAll(packages);
        return Command.of(argv);
    }

    @Override
    public Set<String> installed(String queryOutput) {
        return PackageStatus.parseDpkg(queryOutput).installed();
    }

    /**
     * Runs the apt-get command that follows with only {@code $1} (hainstall's local source) as its source when that
     * file is on the node; without it, with the node's own sources. node-prep writes the file on the nodes hainstall
     * prepares; a cluster hainstall did not build (adopted with {@code modify}) has its own sources and no seed.
     */
    static final String SEED_SOURCE_WHEN_PREPARED = "src=$1; shift; if [ -e \"$src\" ]; then exec \"$@\""
            + " -o \"Dir::Etc::sourcelist=$src\" -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0; fi;"
            + " exec \"$@\"";

    @Override
    public List<Action> install(List<String> packages, boolean localOnly) {
        List<String> update = new ArrayList<>(List.of("apt-get", "-q", "update"));
        List<String> install = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-q", "-y",
                "--no-install-recommends", "install"));
        install.addAll(packages);
        if (localOnly) {
            // only the seed's repository where node-prep set it up: the node may have no other reachable source
            update = seedSourceWhenPrepared(update);
            install = seedSourceWhenPrepared(install);
        }
        return List.of(new Action.Run(Command.of(update), Duration.ofMinutes(10)),
                new Action.Run(Command.of(install), Duration.ofMinutes(30)));
    }

    private static List<String> seedSourceWhenPrepared(List<String> aptGet) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SEED_SOURCE_WHEN_PREPARED, "sh", LOCAL_SOURCE));
        argv.addAll(aptGet);
        return argv;
    }
}
