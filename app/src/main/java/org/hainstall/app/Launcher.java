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
        return run(Guice.createInjector(new AppModule()), args);
    }

    static int run(Injector injector, String... args) {
        CommandLine cli = new CommandLine(HainstallCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                // Our commands and mixins come from the injector; picocli's own helpers (the collections behind
                // repeatable options, converters) from picocli's factory — Guice has no binding for List.
                return cls.getName().startsWith("org.hainstall.") ? injector.getInstance(cls)
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        return cli.execute(args);
    }
}
