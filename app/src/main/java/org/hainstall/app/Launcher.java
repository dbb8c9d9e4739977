package org.hainstall.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
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
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** In-process runs (tests) pass their own writers; commands print through picocli's out and err. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        Injector injector = Guice.createInjector(new AppModule());
        CommandLine cli = new CommandLine(HainstallCommand.class, new GuiceFactory(injector));
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
