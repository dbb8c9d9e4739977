package org.hainstall.app;

import picocli.CommandLine.Command;

/** The root of the command line. */
@Command(name = "hainstall",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Installs, changes and clones two-node DRBD + Heartbeat DB2 clusters.",
        subcommands = {
                NotBuiltCommand.Create.class,
                NotBuiltCommand.Modify.class,
                NotBuiltCommand.Reconstruct.class,
                NotBuiltCommand.Validate.class,
                NotBuiltCommand.Schema.class,
                GuiCommand.class,
        })
public final class HainstallCommand {
}
