package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.status.ClusterStatus;
import org.hainstall.core.usecase.ReadStatus;
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
    private final ReadStatus status;

    @Inject
    StatusCommand(LoadedConfig loader, StatusPrinter printer, ReadStatus status) {
        this.loader = loader;
        this.printer = printer;
        this.status = status;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<ClusterConfig> config = loader.load(configFile, spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        ClusterStatus now = status.read(config.get(), configFile.file());
        printer.print(out, now, json);
        return now.healthy() ? ExitCodes.SUCCESS : ExitCodes.CHECK_FAILED;
    }
}
