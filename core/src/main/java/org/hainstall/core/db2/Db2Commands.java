package org.hainstall.core.db2;

import java.util.ArrayList;
import java.util.List;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.Command;

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
}
