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
        // Logging first: it routes java.util.logging (Guice, JavaFX) off the terminal before either says a word.
        org.slf4j.LoggerFactory.getILoggerFactory();
        int status;
        try {
            status = run(args);
        } catch (RuntimeException | Error e) {
            // Before picocli runs (the injector, say): the same guard, never a stack trace on the terminal.
            PrintWriter err = new PrintWriter(System.err, true);
            new InternalErrorGuard(InternalErrorGuard.defaultLog()).report(e, "", err);
            status = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(status);
    }

    static int run(String... args) {
        return run(Guice.createInjector(new AppModule()), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
    }

    /** In-process runs (tests) pass their own writers; commands print through picocli's out and err. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Guice.createInjector(new AppModule()), out, err, args);
    }

    static int run(Injector injector, String... args) {
        return run(injector, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(Injector injector, PrintWriter out, PrintWriter err, String... args) {
        return run(injector, out, err, new InternalErrorGuard(InternalErrorGuard.defaultLog()), args);
    }

    static int run(Injector injector, PrintWriter out, PrintWriter err, InternalErrorGuard guard, String... args) {
        CommandLine cli = new CommandLine(HainstallCommand.class, new GuiceFactory(injector));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(guard);
        return cli.execute(args);
    }
}
