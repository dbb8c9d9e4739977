package org.hainstall.app;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hainstall.ui.WizardLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hainstall gui [--config F]}: opens the wizard, with the config loaded when one is given. */
@Command(name = "gui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Open the wizard: a new cluster, a config to change, check or run, a live cluster to read, or "
                + "a copy of one. Needs a display (and Debian's libgtk-3-0).",
                "Exit status: 0 when the window is closed, 1 no window can be opened, 2 the --config file is not "
                        + "readable."})
final class GuiCommand implements Callable<Integer> {
    // A provider: picocli builds every subcommand up front, and the other commands must not touch JavaFX.
    private final Provider<WizardLauncher> launcher;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "A config file to open at once.")
    Path config;

    @Inject
    GuiCommand(Provider<WizardLauncher> launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        if (config != null && !Files.isReadable(config)) {
            System.err.println("hainstall gui: --config " + config + ": no such readable file; nothing was done.");
            return ExitCodes.BAD_CONFIG;
        }
        return launcher.get().run(Optional.ofNullable(config), System.err);
    }
}
