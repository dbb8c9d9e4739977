package org.hainstall.core.node;

import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;
import org.hainstall.core.remote.ShellQuote;

/** DB2's commands (docs/INTERFACES.md), as root or as the instance owner. */
public final class Db2Commands {
    private Db2Commands() {
    }

    /**
     * Runs a command as the instance owner with DB2's environment: {@code su - OWNER -c '. ~/sqllib/db2profile
     * && CMD'}. The inner command is itself built from quoted arguments, then quoted again as su's argument.
     */
    public static Command asOwner(String owner, Command inner) {
        return Command.of("su", "-", owner, "-c", ". ~/sqllib/db2profile && " + inner.line());
    }

    public static Command db2ilist(String installPath) {
        return Command.of(installPath + "/instance/db2ilist");
    }

    public static Command db2greg(String installPath, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(installPath + "/bin/db2greg");
        argv.addAll(List.of(args));
        return Command.of(argv);
    }

    /** Whether the instance runs: DB2 keeps a db2sysc process under the owner while started. */
    public static Command running(String owner) {
        return Command.of("pgrep", "-x", "-u", owner, "db2sysc");
    }

    public static Command stopForce(String owner) {
        return asOwner(owner, Command.of("db2stop", "force"));
    }

    public static Command start(String owner) {
        return asOwner(owner, Command.of("db2start"));
    }

    public static Command createDatabase(String owner, ClusterConfig.Database db) {
        List<String> argv = new ArrayList<>(List.of("db2", "create", "database", db.name(), "on", db.path()));
        if (db.codeset() != null && db.territory() != null) {
            argv.addAll(List.of("using", "codeset", db.codeset(), "territory", db.territory()));
        }
        return asOwner(owner, Command.of(argv));
    }

    public static Command listDatabases(String owner) {
        return asOwner(owner, Command.of("db2", "list", "database", "directory"));
    }

    /** Names the instance's databases in "db2 list database directory" output ("Database name = SALES"). */
    public static List<String> parseDatabaseDirectory(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String t = line.strip();
            if (t.startsWith("Database name")) {
                int eq = t.indexOf('=');
                if (eq > 0) {
                    out.add(t.substring(eq + 1).strip().toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Instance names from db2ilist (one per line). */
    public static List<String> parseInstanceList(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Instance name → instance path (HOME/sqllib) from {@code db2greg -dump} "I," records. */
    public static java.util.Map<String, String> parseRegistryInstances(String dump) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : dump.split("\n")) {
            String[] f = line.strip().split(",", -1);
            if (f.length >= 5 && "I".equals(f[0])) {
                out.put(f[3], f[4]);
            }
        }
        return out;
    }

    static String quote(String s) {
        return ShellQuote.quote(s);
    }
}
