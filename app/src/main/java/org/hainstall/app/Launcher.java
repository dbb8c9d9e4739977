package org.hainstall.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import picocli.CommandLine;

/**
 * The main class. Deliberately not a JavaFX {@code Application}: the command line must start without JavaFX,
 * and the GUI is launched from the {@code gui} subcommand.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        Injector injector = Guice.createInjector(new AppModule());
        CommandLine cli = new CommandLine(HainstallCommand.class, injector::getInstance);
        return cli.execute(args);
    }
}
