package org.hainstall.app;

import picocli.CommandLine.Command;

/** The root of the command line. */
@Command(name = "hainstall",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Installs, changes and clones two-node DRBD + Heartbeat DB2 clusters.",
        subcommands = {
                CreateCommand.class,
                ModifyCommand.class,
                ReconstructCommand.class,
                ValidateCommand.class,
                SchemaCommand.class,
                TrustCommand.class,
                StatusCommand.class,
                ProbeCommand.class,
                SwitchoverCommand.class,
                DiffCommand.class,
                GetCommand.class,
                CloneCommand.class,
                GuiCommand.class,
                ScanSecretsCommand.class,
        })
public final class HainstallCommand {
}
