package org.hainstall.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hainstall.ui.FxToolkit;
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
        // Guice's generated fast classes cost more at start-up than they save in a command that runs once.
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        int status;
        try {
            // The wizard's toolkit starts while the command line is built: the two overlap on a two-core machine.
            FxToolkit toolkit = opensWindow(args) ? FxToolkit.startNow() : FxToolkit.onDemand();
            status = run(Guice.createInjector(new AppModule(), binder -> OptionalBinder.newOptionalBinder(binder,
                    FxToolkit.class).setBinding().toInstance(toolkit)), args);
        } catch (RuntimeException | Error e) {
            // Before picocli runs (the injector, say): the same guard, never a stack trace on the terminal.
            PrintWriter err = new PrintWriter(System.err, true);
            new InternalErrorGuard(InternalErrorGuard.defaultLog()).report(e, "", err);
            status = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(status);
    }

    /** {@code gui}, not asking for help or the version: a window will open. */
    static boolean opensWindow(String... args) {
        List<String> words = List.of(args);
        boolean gui = words.stream().filter(a -> !a.startsWith("-")).findFirst().filter("gui"::equals).isPresent();
        return gui && words.stream().noneMatch(a -> a.matches("-h|--help|-V|--version"));
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
        Optional<Optional<Path>> window = plainGui(args);
        if (window.isPresent()) {
            // The first window's path skips the command-line parser: picocli builds every command up front (and
            // with them the config loader's YAML and JSON machinery), and its classes are too old for the
            // class-data archive. Anything but a plain "gui [-c FILE]" goes through picocli as usual.
            GuiCommand gui = injector.getInstance(GuiCommand.class);
            gui.config = window.get().orElse(null);
            return gui.call();
        }
        CommandLine cli = new CommandLine(HainstallCommand.class, new GuiceFactory(injector));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(guard);
        return cli.execute(args);
    }

    /** For "gui", "gui -c FILE", "gui --config FILE" or "gui --config=FILE": the file (or none); else empty. */
    static Optional<Optional<Path>> plainGui(String... args) {
        List<String> a = List.of(args);
        if (a.equals(List.of("gui"))) {
            return Optional.of(Optional.empty());
        }
        if (a.size() == 3 && a.get(0).equals("gui") && a.get(1).matches("-c|--config") && !a.get(2).startsWith("-")) {
            return Optional.of(Optional.of(Path.of(a.get(2))));
        }
        if (a.size() == 2 && a.get(0).equals("gui") && a.get(1).startsWith("--config=") && a.get(1).length() > 9) {
            return Optional.of(Optional.of(Path.of(a.get(1).substring(9))));
        }
        return Optional.empty();
    }
}
