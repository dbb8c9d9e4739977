package org.hainstall.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Subcommands whose workflow is not built yet. They say so plainly and exit 3 — never a pretend success.
 * Each is replaced by its real command as the workflow lands.
 */
abstract class NotBuiltCommand implements Callable<Integer> {
    static final int NOT_BUILT = 3;

    @Override
    public Integer call() {
        Command spec = getClass().getAnnotation(Command.class);
        System.err.println("hainstall " + spec.name() + ": not built yet in this version; nothing was done.");
        return NOT_BUILT;
    }

    @Command(name = "create", description = "Create a new cluster (not built yet).")
    static final class Create extends NotBuiltCommand { }

    @Command(name = "modify", description = "Bring existing nodes to the config (not built yet).")
    static final class Modify extends NotBuiltCommand { }

    @Command(name = "reconstruct", description = "Read a live cluster into a config (not built yet).")
    static final class Reconstruct extends NotBuiltCommand { }

    @Command(name = "validate", description = "Validate a config file (not built yet).")
    static final class Validate extends NotBuiltCommand { }

    @Command(name = "schema", description = "Print the config's JSON Schema (not built yet).")
    static final class Schema extends NotBuiltCommand { }
}
