package org.hainstall.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;

/**
 * When JavaFX's toolkit starts. Starting it takes about as long as building the command line (the injector, the
 * commands); the launcher of {@code hainstall gui} starts it on a thread of its own first, so both happen at once
 * on a two-core machine and the first window comes sooner. Anything else starts it on demand.
 */
public final class FxToolkit {
    private final CompletableFuture<Void> started;

    private FxToolkit(CompletableFuture<Void> started) {
        this.started = started;
    }

    /** Starts the toolkit now, in the background; {@link #run} waits for it. */
    public static FxToolkit startNow() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(() -> started.complete(null));
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "hainstall-fx-startup");
        t.setDaemon(true);
        t.start();
        return new FxToolkit(started);
    }

    /** The toolkit starts when {@link #run} is first called. */
    public static FxToolkit onDemand() {
        return new FxToolkit(null);
    }

    /**
     * Runs {@code work} on the FX thread once the toolkit is up. Throws (a RuntimeException or Error) when no
     * toolkit can start, e.g. without a display.
     */
    public void run(Runnable work) {
        if (started == null) {
            Platform.setImplicitExit(false);
            Platform.startup(work);
            return;
        }
        try {
            started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        Platform.runLater(work);
    }
}
