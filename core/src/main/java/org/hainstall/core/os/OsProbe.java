package org.hainstall.core.os;

import java.util.List;
import org.hainstall.core.node.Fact;
import org.hainstall.core.node.Look;
import org.hainstall.core.node.Part;
import org.hainstall.core.plan.StepException;
import org.hainstall.core.remote.Command;

/** The operating system's part of a look at a node: its name, addresses, accounts, packages, time and services. */
public final class OsProbe {
    public static final Fact UNAME = Fact.of(Part.OS, "uname", Command.of("uname", "-n"));
    public static final Fact IP_ADDR = Fact.of(Part.OS, "ip-addr", Command.of("ip", "-json", "addr", "show"));
    public static final Fact PASSWD = Fact.of(Part.OS, "passwd", Command.of("getent", "passwd"));
    public static final Fact GROUP = Fact.of(Part.OS, "group", Command.of("getent", "group"));
    public static final Fact CHRONY_CONF = Fact.file(Part.OS, NtpStep.CHRONY_CONF);
    /** The timezone as files say it (timedatectl needs D-Bus, which a minimal image lacks): the link, and Debian's file. */
    public static final Fact TIMEZONE = Fact.of(Part.OS, "localtime link", Command.of("readlink", "/etc/localtime"));
    public static final Fact TIMEZONE_FILE = Fact.file(Part.OS, "/etc/timezone");
    public static final Fact CHRONY_ACTIVE = active(Part.OS, "chrony");
    public static final Fact CHRONY_ENABLED = enabled(Part.OS, "chrony");
    /** Whether Heartbeat runs: the DRBD steps must not mount what Heartbeat manages, its own steps start it. */
    public static final Fact HEARTBEAT_ACTIVE = active(Part.HEARTBEAT, "heartbeat");
    public static final Fact CHRONY_SOURCES = Fact.of(Part.OS, "chrony-sources",
            Command.of("chronyc", "-c", "-N", "sources"));

    /**
     * What reconstruct reads of the OS, by the names of its facts files: the node's name, domain, addresses and
     * default route, its neighbours' MAC addresses, resolver, hosts, chrony's servers and timezone, and the address the SSH session came from.
     */
    public static final List<Fact> RECONSTRUCT = List.of(UNAME,
            Fact.of(Part.OS, "domain", Command.of("hostname", "-d")),
            IP_ADDR,
            Fact.of(Part.OS, "ip-route", Command.of("ip", "-json", "route", "show", "default")),
            // The peer's MAC addresses, for a physical cluster's config: the node talks to its peer on both links
            // all the time (Heartbeat, DRBD), so its neighbour table holds them.
            Fact.of(Part.OS, "ip-neigh", Command.of("ip", "-json", "neigh", "show")),
            Fact.of(Part.OS, "resolv", Command.of("cat", "/etc/resolv.conf")),
            Fact.of(Part.OS, "hosts", Command.of("cat", "/etc/hosts")),
            Fact.of(Part.OS, "chrony", Command.of("cat", NtpStep.CHRONY_CONF)),
            Fact.of(Part.OS, "timezone", Command.of("cat", "/etc/timezone")),
            Fact.of(Part.OS, "ssh-client", Command.of("printenv", "SSH_CLIENT")));

    private OsProbe() {
    }

    /** Which of the cluster's packages are installed. */
    public static Fact packages(PackageManager packages) {
        return Fact.of(Part.OS, "packages", packages.query(packages.clusterPackages()));
    }

    /** {@code systemctl is-active UNIT}; {@code part} is the subsystem whose steps start and stop it. */
    public static Fact active(Part part, String unit) {
        return Fact.of(part, "active " + unit, Command.of("systemctl", "is-active", unit));
    }

    /** {@code systemctl is-enabled UNIT}. */
    public static Fact enabled(Part part, String unit) {
        return Fact.of(part, "enabled " + unit, Command.of("systemctl", "is-enabled", unit));
    }

    /** Whether a unit's {@link #active} fact says "active". */
    public static boolean isActive(Look node, Fact active) throws StepException {
        return "active".equals(node.result(active).stdout().strip());
    }

    /** Whether a unit's {@link #enabled} fact says "enabled". */
    public static boolean isEnabled(Look node, Fact enabled) throws StepException {
        return "enabled".equals(node.result(enabled).stdout().strip());
    }

    public static Accounts accounts(Look node) throws StepException {
        return Accounts.parse(node.read(PASSWD), node.read(GROUP));
    }

    public static Interfaces interfaces(Look node) throws StepException {
        return Interfaces.parse(node.read(IP_ADDR));
    }
}
