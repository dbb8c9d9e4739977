package org.hainstall.app;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hainstall.core.config.ClusterConfig;
import org.hainstall.core.status.ClusterStatus;
import org.hainstall.core.status.Switchover;
import org.hainstall.core.usecase.SwitchOver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hainstall switchover}: a planned move of the service to the other node. */
@Command(name = "switchover", mixinStandardHelpOptions = true,
        description = "Move the service to the other node (Heartbeat standby) and wait until it holds everything.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:moved; the new status is printed", "1:refused or not completed", "2:bad config"})
final class SwitchoverCommand implements Callable<Integer> {
    @Mixin
    ConfigFileOptions configFile;

    @Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
            description = "How long to wait for the other node to hold everything (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--yes", description = "Do not ask for confirmation before moving the service.")
    boolean yes;

    @Spec
    CommandSpec spec;

    private final LoadedConfig loader;
    private final StatusPrinter printer;
    private final Terminal terminal;
    private final SwitchOver switchover;

    @Inject
    SwitchoverCommand(LoadedConfig loader, StatusPrinter printer, Terminal terminal, SwitchOver switchover) {
        this.loader = loader;
        this.printer = printer;
        this.terminal = terminal;
        this.switchover = switchover;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<ClusterConfig> config = loader.load(configFile, spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.BAD_CONFIG;
        }
        String cluster = config.get().cluster().name();
        // The service stops on one node and starts on the other: a planned interruption the admin agrees to.
        if (!yes && !new Confirmation(terminal).ask("switchover", "hainstall switchover will move the service of "
                + cluster + " to its other node; it is unavailable while it moves.")) {
            return ExitCodes.NOT_CONFIRMED;
        }
        try {
            ClusterStatus after = switchover.run(config.get(), configFile.file(), Duration.ofSeconds(timeoutSeconds),
                    out::println);
            printer.print(out, after, false);
            return ExitCodes.SUCCESS;
        } catch (Switchover.SwitchoverException e) {
            spec.commandLine().getErr().println("hainstall switchover: " + e.getMessage());
            return ExitCodes.STEP_FAILED;
        }
    }
}
