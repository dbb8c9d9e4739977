package org.hainstall.core.reconstruct;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.CommandResult;
import org.hainstall.core.remote.RemoteException;
import org.hainstall.core.remote.Shell;

/**
 * Runs the read-only commands reconstruct needs on one node and keeps their output. Nothing here changes the
 * node: every command only reads (cat, lsblk, sfdisk --json, lvs, drbdadm dump/role, db2 list …).
 */
public final class FactsCollector {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Fact name and the read-only command that yields it. */
    record Probe(String fact, Command command) { }

    static final List<Probe> BASE = List.of(
            new Probe("uname", Command.of("uname", "-n")),
            new Probe("domain", Command.of("hostname", "-d")),
            new Probe("ip-addr", Command.of("ip", "-j", "addr", "show")),
            new Probe("ip-route", Command.of("ip", "-j", "route", "show", "default")),
            new Probe("resolv", Command.of("cat", "/etc/resolv.conf")),
            new Probe("hosts", Command.of("cat", "/etc/hosts")),
            new Probe("chrony", Command.of("cat", "/etc/chrony/chrony.conf")),
            new Probe("timezone", Command.of("cat", "/etc/timezone")),
            new Probe("ssh-client", Command.of("printenv", "SSH_CLIENT")),
            new Probe("pvs", Command.of("pvs", "--reportformat", "json", "-o", "pv_name,vg_name")),
            new Probe("vgs", Command.of("vgs", "--reportformat", "json", "--units", "b", "--nosuffix",
                    "-o", "vg_name,vg_size,vg_free")),
            new Probe("lvs", Command.of("lvs", "--reportformat", "json", "--units", "b", "--nosuffix",
                    "-o", "vg_name,lv_name,lv_size")),
            new Probe("fstab", Command.of("findmnt", "--fstab", "--evaluate", "--json", "-o", "TARGET,SOURCE,FSTYPE")),
            new Probe("drbd-dump", Command.of("drbdadm", "dump", "all")),
            new Probe("hacf", Command.of("cat", "/etc/ha.d/ha.cf")),
            new Probe("haresources", Command.of("cat", "/etc/ha.d/haresources")),
            new Probe("services", Command.of("cat", "/etc/services")),
            new Probe("db2-paths", Command.raw("ls -1d /opt/ibm/db2/*/bin/db2level")),
            new Probe("backup-cron", Command.of("cat", org.hainstall.core.node.BackupFiles.CRON)),
            new Probe("backup-conf", Command.of("cat", org.hainstall.core.node.BackupFiles.CONFIG)));

    private final Shell shell;

    public FactsCollector(Shell shell) {
        this.shell = shell;
    }

    public NodeFacts collect() throws RemoteException {
        NodeFacts facts = new NodeFacts();
        for (Probe p : BASE) {
            run(facts, p);
        }
        // Second round: what the first round named (disks, DRBD resources, DB2 instances and databases).
        for (String disk : disks(facts)) {
            run(facts, new Probe("sfdisk:" + disk, Command.of("sfdisk", "--json", disk)));
        }
        for (DrbdResourceFacts r : facts.get("drbd-dump").map(ConfigAssembler::drbdResources).orElse(List.of())) {
            run(facts, new Probe("drbd-role:" + r.name(), Command.of("drbdadm", "role", r.name())));
        }
        facts.get("db2-paths").flatMap(ConfigAssembler::installPath).ifPresent(path -> {
            try {
                run(facts, new Probe("db2ilist", Command.of(path + "/instance/db2ilist")));
                for (String instance : facts.get("db2ilist").map(Db2OutputParser::instanceList).orElse(List.of())) {
                    collectInstance(facts, instance);
                }
            } catch (RemoteException e) {
                facts.fail("db2ilist", e.getMessage());
            }
        });
        return facts;
    }

    private void collectInstance(NodeFacts facts, String instance) throws RemoteException {
        run(facts, new Probe("passwd:" + instance, Command.of("getent", "passwd", instance)));
        String home = facts.get("passwd:" + instance).map(ConfigAssembler::homeOf).orElse(null);
        if (home == null) {
            return;
        }
        run(facts, new Probe("fenced:" + instance, Command.of("stat", "-c", "%U", home + "/sqllib/adm/.fenced")));
        run(facts, new Probe("dbdir:" + instance, asOwner(instance, "db2 list database directory")));
        for (Db2OutputParser.DirectoryEntry db : facts.get("dbdir:" + instance)
                .map(Db2OutputParser::databaseDirectory).orElse(List.of())) {
            if (db.name() != null && db.name().matches("[A-Za-z][A-Za-z0-9]{0,7}")) {
                run(facts, new Probe("dbcfg:" + instance + ":" + db.name(),
                        asOwner(instance, "db2 get db cfg for " + db.name())));
            }
        }
    }

    /** A DB2 command as the instance owner, with the instance's environment. Names are allow-listed above. */
    private static Command asOwner(String instance, String db2Command) {
        return Command.of("su", "-", instance, "-c", ". ~/sqllib/db2profile && " + db2Command);
    }

    private static Set<String> disks(NodeFacts facts) {
        Set<String> disks = new LinkedHashSet<>();
        for (StorageFacts.PhysicalVolume pv : facts.get("pvs").map(StorageFacts::physicalVolumes).orElse(List.of())) {
            StorageFacts.diskOf(pv.name()).ifPresent(disks::add);
        }
        return disks;
    }

    private void run(NodeFacts facts, Probe probe) throws RemoteException {
        CommandResult r = shell.run(probe.command(), TIMEOUT);
        if (r.ok()) {
            facts.put(probe.fact(), r.stdout());
        } else {
            String why = r.stderr().strip();
            facts.fail(probe.fact(), "`" + probe.command().line() + "` exited " + r.exitCode()
                    + (why.isEmpty() ? "" : ": " + why.lines().reduce((a, b) -> b).orElse(why)));
        }
    }
}
