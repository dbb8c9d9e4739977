package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.remote.SshOptions;
import org.hainstall.core.remote.SshShellFactory;
import org.hainstall.core.secrets.SecretsStore;
import org.hainstall.core.status.ClusterStatus;
import org.hainstall.core.status.StatusReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hainstall status}: the live cluster at a glance; read-only. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the live cluster: per node Heartbeat, DRBD, mounts, service address, DB2; the active node.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:healthy", "1:degraded (each reason is printed)", "2:bad config"})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOptions configFile;

    @Option(names = "--json", description = "Print the status as JSON (for monitoring).")
    boolean json;

    @Spec
    CommandSpec spec;

    private final LoadedConfig loader;
    private final StatusPrinter printer;

    @Inject
    StatusCommand(LoadedConfig loader, StatusPrinter printer) {
        this.loader = loader;
        this.printer = printer;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<ClusterConfig> config = loader.load(configFile, spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        SshShellFactory shells = new SshShellFactory(SecretsStore.besideConfig(configFile.file()), SshOptions.DEFAULTS);
        ClusterStatus status = new StatusReader(shells).read(config.get());
        printer.print(out, status, json);
        return status.healthy() ? ExitCodes.SUCCESS : ExitCodes.CHECK_FAILED;
    }
}
