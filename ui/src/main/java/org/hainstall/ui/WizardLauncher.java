package org.hainstall.ui;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the wizard from a plain main (no {@code Application} subclass, so the wizard gets its collaborators by
 * constructor) and returns when its window has closed.
 */
public final class WizardLauncher {
    private final Provider<WizardServices> services;
    private final FxToolkit toolkit;

    @Inject
    public WizardLauncher(Provider<WizardServices> services, FxToolkit toolkit) {
        this.services = services;
        this.toolkit = toolkit;
    }

    /** 0 once the window is closed; 1 if no window can be opened (no display), with the reason on {@code err}. */
    public int run(Optional<Path> config, PrintStream err) {
        CountDownLatch closed = new CountDownLatch(1);
        try {
            toolkit.run(() -> open(config, closed, err));
        } catch (RuntimeException | Error e) {
            err.println("hainstall gui: cannot open a window (" + e.getMessage()
                    + "). Is DISPLAY set? Under a headless session run it with xvfb-run.");
            return 1;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
        return 0;
    }

    private void open(Optional<Path> config, CountDownLatch closed, PrintStream err) {
        try {
            WindowIdentity.nameApplication();
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            StartupReport.requested().ifPresent(report -> report.watch(stage));
            new Wizard(services.get()).show(stage, config);
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            closed.countDown();
        }
    }
}
